import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
