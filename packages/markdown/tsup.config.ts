import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Build-time only: every dependency is the user's install, never bundled.
  external: ['react', 'react-dom', 'react-dom/server', 'markdown-it', /^@papertrend\//, /^hast-util-/],
  removeNodeProtocol: false,
});
