import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // React and core are the user's: never bundled.
  external: ['react', 'react-dom', 'react/jsx-runtime', /^@papertrend\/core/],
  // Every component is a client component; esbuild drops module directives inside a bundle, so the
  // directive is put back at the top of each output file for React Server Components users.
  banner: { js: "'use client';" },
  removeNodeProtocol: false,
});
