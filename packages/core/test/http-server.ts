import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Answers one request; `attempt` counts the requests to this path so far (1-based). */
export type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

export interface TestServer {
  base: string;
  /** Handlers per path; a path without one answers 404. */
  handlers: Map<string, Handler>;
  /** Every request with its arrival time, so tests can check retries, delays and de-duplication. */
  log: { path: string; url: string; at: number }[];
  reset(): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that misbehaves on demand. */
export async function startServer(): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state: TestServer = {
    base: '',
    handlers: new Map(),
    log: [],
    reset() {
      state.handlers.clear();
      state.log.length = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    state.log.push({ path: url.pathname, url: req.url ?? '', at: Date.now() });
    const attempt = state.log.filter((entry) => entry.path === url.pathname).length;
    // A client that went away must not crash the server with EPIPE/ECONNRESET.
    res.on('error', () => {});
    const handler = state.handlers.get(url.pathname);
    if (handler) handler(req, res, attempt);
    else res.writeHead(404).end('not found');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** Write `chunk` every `every` ms until the client goes away or `stop` says so; never ends the response. */
export function drip(res: ServerResponse, chunk: string | Buffer, every: number): void {
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) clearInterval(timer);
    else res.write(chunk);
  }, every);
  res.on('close', () => clearInterval(timer));
}

/** Stream `make()` chunks as fast as the client reads them (backpressure-aware), up to `total` bytes. */
export function stream(res: ServerResponse, make: () => Buffer, total = Number.POSITIVE_INFINITY): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      const chunk = make();
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export interface ChildResult {
  /** The exit code (null when killed by a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The last JSON line the child printed, if any. */
  result: Record<string, unknown> | undefined;
}

/**
 * Run a TypeScript file of this test folder in its own Node process (through tsx), with a heap limit so a
 * regression that buffers without bound dies quickly in the child instead of slowly in the runner.
 */
export function runChild(
  script: string,
  args: string[],
  options: { nodeFlags?: string[]; killAfter?: number } = {},
): Promise<ChildResult> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', path, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => {
      stdout += data;
    });
    child.stderr.on('data', (data) => {
      stderr += data;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfter ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const last = stdout.trim().split('\n').filter(Boolean).pop();
      let result: Record<string, unknown> | undefined;
      try {
        result = last ? (JSON.parse(last) as Record<string, unknown>) : undefined;
      } catch {
        result = undefined;
      }
      resolve({ code, signal, stdout, stderr, result });
    });
  });
}
