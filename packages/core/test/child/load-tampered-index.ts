/**
 * Loads a saved index whose first posting count was set to 2^30 and searches it. Before indexes were checked
 * this aborted Node with a fatal "invalid size" error, which no try/catch sees: hence a process of its own.
 */
import { readFileSync } from 'node:fs';
import { createSearchIndex, loadSearchIndex, parseListing } from '../../src/entries/index.js';

const papers = parseListing(
  readFileSync(new URL('../fixtures/hf-api/2026-08-21.json', import.meta.url), 'utf8'),
).papers;
const saved = createSearchIndex(papers).toJSON();
saved.counts[0] = 2 ** 30;
try {
  loadSearchIndex(saved, papers).search('agent');
  process.stdout.write(`${JSON.stringify({ name: 'no error' })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ name: (error as Error).name })}\n`);
}
