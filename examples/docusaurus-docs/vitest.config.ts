import { defineProject } from 'vitest/config';

// The built site (`pnpm --filter @papertrend/example-docusaurus-docs build`) in Debian's chromium.
export default defineProject({
  test: {
    name: 'example-docusaurus-docs',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
