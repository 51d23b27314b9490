import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/*
 * Everything is bundled: the element must work from one script tag. React is replaced by preact/compat,
 * which runs the same @papertrend/react components (as DocSearch does for its script build).
 */
const preactCompat = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  // Only the server entry renders to a string (preact's own renderer; the element never imports it).
  'react-dom/server': 'preact-render-to-string',
};

// The widget loads the full parser only for markup (Hugging Face HTML, arXiv feeds); a page fetching those
// cross-origin is rare, and the script tag has no code splitting, so the embed reads JSON and page text.
const liteParserOnly = {
  name: 'lite-parser-only',
  setup(build: Parameters<EsbuildPlugin['setup']>[0]) {
    build.onResolve({ filter: /^@papertrend\/core(\/parse)?$/ }, (args) =>
      args.kind === 'dynamic-import'
        ? build.resolve('@papertrend/core/lite', { kind: 'import-statement', resolveDir: args.resolveDir })
        : undefined,
    );
  },
};

// The script tag has no chunks to load on demand, and temml (TeX → MathML) is ~50 kB gzip: the embed shows
// math as its Unicode approximation (`1/(√d)`), which every TeX title of the corpus reads cleanly in.
const noMathMl: EsbuildPlugin = {
  name: 'no-mathml',
  setup(build) {
    build.onResolve({ filter: /^temml$/ }, () => ({ path: 'temml', namespace: 'no-mathml' }));
    build.onLoad({ filter: /.*/, namespace: 'no-mathml' }, () => ({
      contents: 'export default undefined;',
      loader: 'js',
    }));
  },
};

// The widget's stylesheet is shipped as text inside the script: minified, so its comments (which explain the
// cascade to people reading the source) cost readers nothing.
const minifiedCssText: EsbuildPlugin = {
  name: 'minified-css-text',
  setup(build) {
    // A namespace and a name of its own, so tsup's stylesheet handling (which matches any path ending in .css
    // and would emit a separate .css file) leaves it alone.
    build.onResolve({ filter: /\.css$/ }, async (args) => {
      if (args.pluginData === 'css-text') return undefined;
      const { resolveDir, kind, importer } = args;
      const resolved = await build.resolve(args.path, { resolveDir, kind, importer, pluginData: 'css-text' });
      return resolved.errors.length > 0 ? resolved : { path: `${resolved.path}?text`, namespace: 'css-text' };
    });
    build.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => {
      const { code } = await transform(await readFile(args.path.slice(0, -'?text'.length), 'utf8'), {
        loader: 'css',
        minify: true,
      });
      return { contents: code, loader: 'text' };
    });
  },
};

const shared: Options = {
  noExternal: [/.*/],
  platform: 'browser',
  target: 'es2022',
  esbuildPlugins: [liteParserOnly, noMathMl, minifiedCssText],
  esbuildOptions(options) {
    options.alias = preactCompat;
    options.legalComments = 'none';
  },
  removeNodeProtocol: false,
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', server: 'src/server.ts' },
    // ESM only: a custom element lives in browsers and bundlers, and Node (>= 20.19) can require() it too.
    // A CJS copy would double the package for no reader (it was 280 kB beside the ESM's 160 kB).
    format: ['esm'],
    dts: {
      // The embed's types name @papertrend/react's `Labels`; inline them so the package needs no React.
      resolve: ['@papertrend/react'],
      compilerOptions: { ignoreDeprecations: '6.0' },
    },
    sourcemap: true,
    clean: true,
  },
  {
    ...shared,
    entry: { papertrend: 'src/global.ts' },
    format: ['iife'],
    minify: true,
    sourcemap: true,
  },
]);
