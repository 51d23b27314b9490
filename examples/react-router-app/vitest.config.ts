import { defineProject } from 'vitest/config';

// The prerendered app (`pnpm --filter @papertrend/example-react-router-app build`) in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-react-router-app',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
