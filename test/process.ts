import { type SpawnOptions, spawn } from 'node:child_process';

export interface Finished {
  /** The exit code (null when killed by a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to close, in ms. */
  ms: number;
}

/**
 * Run a command to its end, collecting what it prints; killed after `killAfter` ms (default 60 s) so a hang
 * fails the test instead of stalling the run. Asynchronous on purpose: a test's own server keeps answering.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { killAfter?: number } = {},
): Promise<Finished> {
  const { killAfter = 60_000, ...spawnOptions } = options;
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}
