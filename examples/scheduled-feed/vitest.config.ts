import { defineProject } from 'vitest/config';

// Runs the example as a user would: against the built package (pnpm build), not its source.
export default defineProject({ test: { name: 'example-scheduled-feed', include: ['*.test.ts'] } });
