import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The bundled snapshot's data, one file beside both builds (see src/entries/snapshot.ts). */
const SNAPSHOT_DATA = 'snapshot-data.json';

/** Leaves the snapshot's JSON out of the bundles: an import of it becomes an import of the copy in dist. */
const snapshotDataOnce = {
  name: 'snapshot-data-once',
  setup(build: { onResolve: (options: { filter: RegExp }, resolve: () => { path: string; external: true }) => void }) {
    build.onResolve({ filter: /\/data\/snapshot\.json$/ }, () => ({ path: `./${SNAPSHOT_DATA}`, external: true }));
  },
};

/**
 * esbuild keeps `with { type: 'json' }` on the external import, but tsup's Rollup tree-shaking pass drops it,
 * and Node refuses a JSON import without it. Put it back, and fail the build if the import is not found.
 */
function restoreJsonAttribute(file: string): void {
  const bare = `from './${SNAPSHOT_DATA}';`;
  const code = readFileSync(file, 'utf8');
  if (!code.includes(bare)) throw new Error(`${file}: no \`${bare}\` to give its JSON attribute`);
  writeFileSync(file, code.replace(bare, `from './${SNAPSHOT_DATA}' with { type: 'json' };`));
}

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
  esbuildPlugins: [snapshotDataOnce],
  // The snapshot's data goes beside the builds once, as JSON; both formats load that one file.
  onSuccess: async () => {
    copyFileSync('src/data/snapshot.json', `dist/${SNAPSHOT_DATA}`);
    restoreJsonAttribute('dist/snapshot.js');
  },
  // `papertrend --version`.
  define: { __PAPERTREND_VERSION__: JSON.stringify(version) },
});
