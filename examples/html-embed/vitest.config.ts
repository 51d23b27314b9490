import { defineProject } from 'vitest/config';

// The built site (`pnpm --filter @papertrend/example-html-embed build`) in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-html-embed',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A browser on a busy 2-core CI machine: give polled expectations time.
    expect: { poll: { timeout: 10_000 } },
  },
});
