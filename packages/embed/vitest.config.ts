import { defineProject } from 'vitest/config';

// The built package, as users load it (the browser behaviour is tested in examples/html-embed).
export default defineProject({ test: { name: 'embed', include: ['test/**/*.test.ts'], environment: 'node' } });
