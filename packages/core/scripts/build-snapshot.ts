/**
 * Regenerates src/data/snapshot.json from the repository's own fixtures with the real parser, so the
 * bundled snapshot is never hand-typed. Run `pnpm --filter @papertrend/core snapshot` after changing a
 * source; a test fails when the committed snapshot no longer matches what the parser produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSnapshotData } from './snapshot-inputs.js';

const target = fileURLToPath(new URL('../src/data/snapshot.json', import.meta.url));
const data = buildSnapshotData((path) => readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8'));
writeFileSync(target, `${JSON.stringify(data)}\n`);
console.log(`wrote ${target}: ${data.trending.papers.length} trending + ${data.daily.papers.length} daily papers`);
