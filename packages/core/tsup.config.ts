import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    snapshot: 'src/snapshot.ts',
    // Search alone, without parsers, zod or the client: what a widget with static papers needs.
    search: 'src/search.ts',
    // parseListing without the HTML/XML parser: what a browser fetching JSON or page text needs.
    lite: 'src/lite.ts',
    // parseListing with every format, without the client, merging or search: what a widget reading markup needs.
    parse: 'src/parse.ts',
    // Feeds, BibTeX and Markdown: the XML writer stays out of every other entry.
    feed: 'src/feed.ts',
    // TeX as Unicode, for a widget that shows titles without loading anything else of core.
    tex: 'src/tex.ts',
    // The cache on disk for site builds: Node only, so it is kept out of every entry a browser loads.
    node: 'src/file-cache.ts',
    cli: 'src/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: {
      index: 'src/index.ts',
      snapshot: 'src/snapshot.ts',
      search: 'src/search.ts',
      lite: 'src/lite.ts',
      parse: 'src/parse.ts',
      feed: 'src/feed.ts',
      tex: 'src/tex.ts',
      node: 'src/file-cache.ts',
    },
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
