import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createClient } from '@papertrend/core';
import { createFileCache } from '@papertrend/core/node';
import { rehypePaperCards } from '@papertrend/markdown';

// Papers linked alone on a line in the docs are fetched once at build time and kept in `paper-cache/`
// (committed): later builds read them from there (`maxAge: Infinity`), offline and reproducible.
const client = createClient({
  cache: { store: createFileCache({ dir: 'paper-cache', maxAge: Number.POSITIVE_INFINITY }) },
});

// This monorepo links the papertrend packages from ../../packages; an install from the registry does not, and
// needs none of this:
// - one React, as @papertrend/react has React in its own devDependencies (two copies break hooks);
// - Docusaurus transpiles every script outside node_modules with Babel in loose mode, which breaks built code
//   (a spread Set becomes an array holding the Set): the linked packages' built files are left as they are, as
//   installed packages are.
const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const linkedBuild = /[\\/]packages[\\/](core|react|markdown)[\\/]dist[\\/]/;
const asInstalled = () => ({
  name: 'papertrend-as-installed',
  configureWebpack(config) {
    for (const rule of config.module?.rules ?? []) {
      if (!rule || typeof rule !== 'object' || !(rule.test instanceof RegExp) || !rule.test.test('x.js')) continue;
      const exclude = rule.exclude;
      rule.exclude = (path) => linkedBuild.test(path) || (typeof exclude === 'function' ? exclude(path) : false);
    }
    return { resolve: { alias: { react: packageDir('react'), 'react-dom': packageDir('react-dom') } } };
  },
});

/** @type {import('@docusaurus/types').Config} */
export default {
  title: 'Research notes',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  favicon: undefined,
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: false,
          // A paper link alone on its line becomes the paper's card, in static HTML.
          rehypePlugins: [[rehypePaperCards, { client }]],
        },
        blog: false,
        pages: false,
        theme: { customCss: ['./src/css/custom.css'] },
      },
    ],
  ],
  plugins: [asInstalled],
  themeConfig: {
    navbar: { title: 'Research notes' },
    colorMode: { respectPrefersColorScheme: true },
  },
};
