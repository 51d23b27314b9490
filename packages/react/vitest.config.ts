import { defineProject, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedTestConfig,
  defineProject({
    esbuild: { jsx: 'automatic' },
    test: { name: 'react', include: ['test/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
  }),
);
