import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

it('keeps Node-only imports out of everything but the CLI (browsers and edge runtimes load the rest)', () => {
  const files = readdirSync(dist).filter((name) => /\.(c?js)$/.test(name) && !name.startsWith('cli.'));
  expect(files.length).toBeGreaterThan(3);
  for (const name of files) {
    const code = readFileSync(`${dist}${name}`, 'utf8');
    expect(code, name).not.toMatch(
      /(?:from|require\()\s*['"](?:node:)?(?:fs|path|util|http|https|net|child_process|os)['"]/,
    );
  }
  expect(readFileSync(`${dist}cli.js`, 'utf8')).toMatch(/from ['"]node:fs['"]/);
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
  const into = mkdtempSync(join(tmpdir(), 'papertrend-pack-'));
  try {
    const packed = spawnSync('pnpm', ['pack', '--pack-destination', into], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(into, readdirSync(into).find((name) => name.endsWith('.tgz')) as string);
    const listing = spawnSync('tar', ['tzvf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n');
    const files = listing.map((line) => ({
      size: Number(line.split(/\s+/)[2]),
      name: line.split(/\s+/).pop() as string,
    }));
    const unpacked = files.reduce((sum, file) => sum + file.size, 0);
    expect(files.filter((file) => file.name.endsWith('.map') || file.name.startsWith('package/src/'))).toEqual([]);
    expect(unpacked).toBeLessThan(1024 * 1024);
    expect(files.map((file) => file.name)).toContain('package/LICENSE');
    spawnSync('tar', ['xzf', tarball, '-C', into, 'package/package.json']);
    const manifest = readFileSync(join(into, 'package/package.json'), 'utf8');
    expect(manifest).not.toContain('@papertrend/source');
    expect(JSON.parse(manifest).dependencies).toEqual(
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).dependencies,
    );
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
});
