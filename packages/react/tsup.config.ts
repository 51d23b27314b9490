import { copyFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  target: 'es2022',
  // React and core are the user's: never bundled.
  external: ['react', 'react-dom', 'react/jsx-runtime', /^@papertrend\/core/],
  removeNodeProtocol: false,
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    clean: true,
    // Every component is a client component; esbuild drops module directives inside a bundle, so the
    // directive is put back at the top of each output file for React Server Components users.
    banner: { js: "'use client';" },
    // The stylesheet is plain CSS, shipped as written (its comments explain the cascade to whoever reads it).
    onSuccess: () => copyFile('src/styles.css', 'dist/styles.css'),
  },
  {
    ...shared,
    // Server components: no directive. They import the client entry as a separate file (never bundled in),
    // so the card stays a client reference across the server/client boundary.
    entry: { server: 'src/server.tsx' },
    esbuildPlugins: [
      {
        name: 'client-entry-stays-a-file',
        setup(build) {
          const cjs = build.initialOptions.format === 'cjs';
          build.onResolve({ filter: /^\.\/index\.js$/ }, () => ({
            path: cjs ? './index.cjs' : './index.js',
            external: true,
          }));
        },
      },
    ],
  },
]);
