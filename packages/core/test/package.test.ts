import { readdirSync, readFileSync } from 'node:fs';
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
