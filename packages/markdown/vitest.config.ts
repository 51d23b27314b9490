import { defineProject, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedTestConfig,
  defineProject({ test: { name: 'markdown', include: ['test/**/*.test.ts'], environment: 'node' } }),
);
