import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineProject, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

// The widget's own component tests, run again with React 18: every import of react, react-dom and
// Testing Library (from the widget's source and from the test file) is pointed at this folder's copies.
const require = createRequire(import.meta.url);
const packageDir = (name: string) => realpathSync(dirname(require.resolve(`${name}/package.json`)));

export default mergeConfig(
  sharedTestConfig,
  defineProject({
    resolve: {
      alias: [
        { find: /^react(?=$|\/)/, replacement: packageDir('react') },
        { find: /^react-dom(?=$|\/)/, replacement: packageDir('react-dom') },
        { find: /^@testing-library\/react$/, replacement: packageDir('@testing-library/react') },
      ],
    },
    test: {
      name: 'react18',
      root: new URL('../..', import.meta.url).pathname,
      include: [
        'packages/react/test/widget.test.tsx',
        'packages/react/test/one-paper.test.tsx',
        'test/react18/*.test.tsx',
      ],
      environment: 'happy-dom',
    },
  }),
);
