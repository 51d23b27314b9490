import { defineProject } from 'vitest/config';

// The built app (`pnpm --filter @papertrend/example-next-app build`) under `next start`, in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-next-app',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A browser on a busy 2-core CI machine: give polled expectations time.
    expect: { poll: { timeout: 10_000 } },
  },
});
