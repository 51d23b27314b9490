import { defineProject } from 'vitest/config';

// The prerendered blog (`pnpm --filter @papertrend/example-sveltekit-blog build`) in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-sveltekit-blog',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
