import { defineProject, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedTestConfig,
  defineProject({
    test: {
      name: 'react',
      include: ['test/**/*.test.{ts,tsx}'],
      environment: 'happy-dom',
      // The browser tests run on busy 2-core CI machines: give polled expectations time.
      expect: { poll: { timeout: 10_000 } },
    },
  }),
);
