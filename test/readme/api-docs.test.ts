import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// docs/api is the generated API reference (TypeDoc, markdown), committed so it reads on a git host. It must
// be what the sources say today: regenerate with `pnpm docs:api` when this fails.
const root = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return found;
}

it('the committed API reference is what TypeDoc makes of the sources now (pnpm docs:api)', () => {
  const out = mkdtempSync(join(tmpdir(), 'papertrend-api-'));
  try {
    const typedoc = join(dirname(createRequire(`${root}package.json`).resolve('typedoc/package.json')), 'bin/typedoc');
    const run = spawnSync(process.execPath, [typedoc, '--out', out], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/warning/);
    const fresh = files(out);
    const committed = files(join(root, 'docs/api'));
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [name, text] of fresh) expect(committed.get(name), name).toBe(text);
    expect(fresh.size).toBeGreaterThan(100);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
