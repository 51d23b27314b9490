import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
