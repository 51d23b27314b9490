import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The npm page of each package copies its reference sections from the repository README: never stale.
it('each package README carries the current reference sections (node scripts/package-readmes.mjs)', () => {
  const script = fileURLToPath(new URL('../../scripts/package-readmes.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
