import { afterEach, vi } from 'vitest';

// As zod does: a test that writes to the console fails. Noise hides bugs; expected output is asserted.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];
for (const method of methods) {
  vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    calls.push(`console.${method}: ${args.map(String).join(' ')}`);
  });
}
afterEach(() => {
  const seen = calls;
  calls = [];
  if (seen.length > 0) throw new Error(`The test wrote to the console:\n${seen.join('\n')}`);
});

/** The console output so far, taken out of the guard: a test that expects a warning asserts it with this. */
export function takeConsoleCalls(): string[] {
  const seen = calls;
  calls = [];
  return seen;
}

/**
 * Waits until the console has been written `count` times, then takes the calls. A warning logged by an
 * effect comes after the paint a `findBy` waits for, so asserting it at once is a race.
 */
export async function waitForConsoleCalls(count: number): Promise<string[]> {
  await vi.waitFor(() => {
    if (calls.length < count) throw new Error(`waited for ${count} console call(s), saw ${calls.length}`);
  });
  return takeConsoleCalls();
}
