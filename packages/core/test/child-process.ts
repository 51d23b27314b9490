import { fileURLToPath } from 'node:url';
import { type Finished, runProcess } from '../../../test/process.js';

export interface ChildResult extends Finished {
  /** The last JSON line the child printed, if any. */
  result: Record<string, unknown> | undefined;
}

/**
 * Run a TypeScript file of this test folder in its own Node process (through tsx), with a heap limit so a
 * regression that buffers without bound dies quickly in the child instead of slowly in the runner.
 */
export async function runChild(
  script: string,
  args: string[],
  options: { nodeFlags?: string[]; killAfter?: number } = {},
): Promise<ChildResult> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const finished = await runProcess(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', path, ...args],
    {
      ...(options.killAfter === undefined ? {} : { killAfter: options.killAfter }),
    },
  );
  const last = finished.stdout.trim().split('\n').filter(Boolean).pop();
  let result: Record<string, unknown> | undefined;
  try {
    result = last ? (JSON.parse(last) as Record<string, unknown>) : undefined;
  } catch {
    result = undefined;
  }
  return { ...finished, result };
}
