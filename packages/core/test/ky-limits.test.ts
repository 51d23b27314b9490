import { describe, expect, it } from 'vitest';
import { runChild } from './child-process.js';

// What keeps papertrend's own retry loop instead of ky's (see src/client/request.ts). This test states the
// limit as measured on the installed ky; when it fails, ky has fixed it, and the loop can move to ky's
// `retry` option with `beforeRetry` hooks for the politeness slots.
describe('ky limits the client works around', () => {
  it('ky rejects a promise nobody awaits when a call is aborted while waiting to retry (it kills the process)', async () => {
    const child = await runChild('./child/ky-retry-abort.ts', []);
    // The caller sees the abort, as it should...
    expect(child.result).toEqual({ outcome: 'rejected: caller left' });
    // ...and then a second rejection of the same call goes unhandled and ends the process with an error.
    expect(child.code).not.toBe(0);
    expect(child.stderr).toContain('caller left');
  });
});
