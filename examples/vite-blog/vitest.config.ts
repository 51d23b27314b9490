import { defineProject } from 'vitest/config';

// The built blog (`pnpm --filter @papertrend/example-vite-blog build`) in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-vite-blog',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A browser on a busy 2-core CI machine: give polled expectations time.
    expect: { poll: { timeout: 10_000 } },
  },
});
