const esbuild = require('esbuild');
esbuild
  .build({
    stdin: { contents: "export const f = () => import('@papertrend/core')", resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    plugins: [
      {
        name: 'x',
        setup(b) {
          b.onResolve({ filter: /snapshot/ }, (a) => {
            console.log('resolve', a.path, a.kind, a.importer.slice(-30));
            return a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined;
          });
        },
      },
    ],
  })
  .then((r) => {
    const out = Object.values(r.metafile.outputs)[0];
    console.log(
      out.bytes,
      Object.keys(out.inputs).filter((k) => k.includes('snapshot')),
    );
  });
