import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The package's entry points, one per export path (see `exports` in package.json). */
const entries = {
  index: 'src/entries/index.ts',
  snapshot: 'src/entries/snapshot.ts',
  // Search alone, without parsers, zod or the client: what a widget with static papers needs.
  search: 'src/entries/search.ts',
  // parseListing without the HTML/XML parser: what a browser fetching JSON or page text needs.
  lite: 'src/entries/lite.ts',
  // parseListing with every format, without the client, merging or search: what a widget reading markup needs.
  parse: 'src/entries/parse.ts',
  // Feeds, BibTeX and Markdown: the XML writer stays out of every other entry.
  feed: 'src/entries/feed.ts',
  // TeX as Unicode, for a widget that shows titles without loading anything else of core.
  tex: 'src/entries/tex.ts',
  // The cache on disk for site builds: Node only, so it is kept out of every entry a browser loads.
  node: 'src/entries/node.ts',
};

export default defineConfig({
  entry: {
    ...entries,
    // Built in both formats like every entry, but only the ESM file is packed (`files` in package.json): the
    // bin imports it. It has no types to declare.
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: entries,
    // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates (removed in 7).
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Shared chunks keep the snapshot data out of the main entry and the parser out of the snapshot entry.
  splitting: true,
  treeshake: true,
  // Keep `node:` specifiers: they make Node-only imports unmistakable (only the CLI and the file cache have any).
  removeNodeProtocol: false,
  // `papertrend --version`.
  define: { __PAPERTREND_VERSION__: JSON.stringify(version) },
});
