import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { pack } from '../../../test/pack.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const data = JSON.parse(readFileSync(new URL('../src/data/snapshot.json', import.meta.url), 'utf8'));
const snapshotTrendingCount: number = data.trending.papers.length;
const snapshotDailyCount: number = data.daily.papers.length;

it('keeps Node-only imports out of everything but the CLI and the file cache (browsers and edge runtimes load the rest)', () => {
  const nodeOnly = /^(?:cli|node)\./;
  const files = readdirSync(dist).filter((name) => /\.(c?js)$/.test(name) && !nodeOnly.test(name));
  expect(files.length).toBeGreaterThan(3);
  for (const name of files) {
    const code = readFileSync(`${dist}${name}`, 'utf8');
    expect(code, name).not.toMatch(
      /(?:from|require\()\s*['"](?:node:)?(?:fs|path|util|http|https|net|child_process|os)['"]/,
    );
  }
  expect(readFileSync(`${dist}cli.js`, 'utf8')).toMatch(/from ['"]node:fs['"]/);
  expect(readFileSync(`${dist}node.js`, 'utf8')).toMatch(/from ['"]node:fs\/promises['"]/);
});

/** Every file an ESM entry of dist loads statically, following relative imports. */
function staticGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const visit = (name: string): void => {
    if (files.includes(name)) return;
    files.push(name);
    const code = readFileSync(`${dist}${name}`, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:^|;|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
      if (!specifier) continue;
      if (specifier.startsWith('./')) visit(specifier.slice(2));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

it('keeps the HTML/XML parser and the client out of the lite and search entries', () => {
  const full = staticGraph('index.js');
  expect(full.packages).toContain('htmlparser2');
  expect(full.packages).toContain('ky');
  const lite = staticGraph('lite.js');
  expect(lite.packages).toEqual(new Set(['zod/mini', 'zod/v4/locales/en.js']));
  expect([...staticGraph('search.js').packages]).toEqual([]);
});

it('ships each byte once: the packed tarball has no source maps or sources, no workspace condition, under 1 MiB', () => {
  const { files, unpacked, manifest } = pack(new URL('..', import.meta.url));
  expect(files.filter((file) => file.name.endsWith('.map') || file.name.startsWith('package/src/'))).toEqual([]);
  expect(files.map((file) => file.name)).toContain('package/LICENSE');
  expect(unpacked).toBeLessThan(1024 * 1024);
  expect(JSON.stringify(manifest)).not.toContain('@papertrend/source');
});

it('ships the snapshot data once, as JSON that the ESM and CJS builds both load in plain Node without a warning', () => {
  const { files } = pack(new URL('..', import.meta.url));
  // A build that inlined the data would hold a file at least as large as the data itself.
  const data = files.find((file) => file.name === 'package/dist/snapshot-data.json');
  expect(data?.size).toBeGreaterThan(100_000);
  const big = files.filter((file) => file.size >= (data?.size ?? 0)).map((file) => file.name);
  expect(big).toEqual(['package/dist/snapshot-data.json']);
  const load = (code: string, type: 'module' | 'commonjs') =>
    spawnSync(process.execPath, [`--input-type=${type}`, '--eval', code], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
  const esm = load(
    `const { snapshot, snapshotPapers } = await import('@papertrend/core/snapshot'); console.log(snapshot.trending.papers.length, snapshotPapers.length);`,
    'module',
  );
  const cjs = load(
    `const { snapshot, snapshotPapers } = require('@papertrend/core/snapshot'); console.log(snapshot.trending.papers.length, snapshotPapers.length);`,
    'commonjs',
  );
  for (const run of [esm, cjs]) {
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`${snapshotTrendingCount} ${snapshotDailyCount}`);
  }
});
