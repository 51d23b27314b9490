import { defineConfig, type Options } from 'tsup';

/*
 * Everything is bundled: the element must work from one script tag. React is replaced by preact/compat,
 * which runs the same @papertrend/react components (as DocSearch does for its script build).
 */
const preactCompat = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
};

// The widget loads the full parser only for markup (Hugging Face HTML, arXiv feeds); a page fetching those
// cross-origin is rare, and the script tag has no code splitting, so the embed reads JSON and page text.
const liteParserOnly = {
  name: 'lite-parser-only',
  setup(build: Parameters<NonNullable<Options['esbuildPlugins']>[number]['setup']>[0]) {
    build.onResolve({ filter: /^@papertrend\/core(\/parse)?$/ }, (args) =>
      args.kind === 'dynamic-import'
        ? build.resolve('@papertrend/core/lite', { kind: 'import-statement', resolveDir: args.resolveDir })
        : undefined,
    );
  },
};

const shared: Options = {
  noExternal: [/.*/],
  platform: 'browser',
  target: 'es2022',
  loader: { '.css': 'text' },
  esbuildPlugins: [liteParserOnly],
  esbuildOptions(options) {
    options.alias = preactCompat;
    options.legalComments = 'none';
  },
  removeNodeProtocol: false,
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
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
