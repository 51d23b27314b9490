// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { pack } from '../../../test/pack.js';

const dist = (name: string): string => readFileSync(fileURLToPath(new URL(`../dist/${name}`, import.meta.url)), 'utf8');

it('keeps "use client" at the top of the built files, for React Server Components', () => {
  for (const file of ['index.js', 'index.cjs']) expect(dist(file).startsWith("'use client';"), file).toBe(true);
});

it('never bundles React or core: both stay imports of the user’s copies', () => {
  const esm = dist('index.js');
  expect(esm).toMatch(/from ["']react["']/);
  // Static papers need only core's search entry; the parsers load on demand for `src`.
  expect(esm).toMatch(/from ["']@papertrend\/core\/search["']/);
  expect(esm).toMatch(/import\(["']@papertrend\/core\/parse["']\)/);
  expect(esm).toMatch(/import\(["']@papertrend\/core\/lite["']\)/);
  expect(esm).not.toMatch(/from ["']@papertrend\/core["']/);
  expect(esm).not.toMatch(/function createElement\(|__SECRET_INTERNALS|class SearchIndex/);
});

// 250 kB until one-paper embeds: the server entry (`@papertrend/react/server`, 20 kB with its types), the
// one-paper components and the README's "Embed one paper" section; 320 kB while `src/` shipped too (then 218 kB
// without it; 239 kB with `trimForWidget`, `thumbnailSrc` and their README sections).
it('ships its code once: no source maps, no sources, under 250 kB unpacked, React and core as the user’s own', () => {
  const { files, unpacked, manifest } = pack(new URL('..', import.meta.url));
  const names = files.map((file) => file.name);
  expect(names.filter((name) => name.endsWith('.map') || name.startsWith('package/src/'))).toEqual([]);
  expect(names).toContain('package/LICENSE');
  expect(names).toContain('package/dist/styles.css');
  expect(unpacked).toBeLessThan(250 * 1024);
  // The workspace's source condition is for this repository's tests; the published exports point at dist.
  expect(JSON.stringify(manifest.exports)).not.toContain('@papertrend/source');
  expect((manifest.exports as Record<string, unknown>)['./styles.css']).toBe('./dist/styles.css');
  expect(Object.keys(manifest.peerDependencies as object)).toEqual(['react', 'react-dom']);
  // A caret range, not an exact pin: npm can share one core between the widget and a site's own use of it.
  const version = (manifest.version as string).replace(/[.+-]/g, '\\$&');
  expect((manifest.dependencies as Record<string, string>)['@papertrend/core']).toMatch(new RegExp(`^\\^${version}$`));
});
