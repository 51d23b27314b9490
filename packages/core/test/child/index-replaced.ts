/**
 * An index typed into, dropped and collected, then a new one typed into: what a page that swaps its listing
 * does. Run with `--trace-deopt --expose-gc`; the entry to load (`index` or `search`) is the argument. Prints
 * the two indexes' hit counts last, as JSON. V8's trace is buffered apart from the script's output, so the
 * parent reads it whole: both listings are parsed first, so that what dies after is the first index and what
 * its searches made.
 */
import { parseListing } from '../../src/entries/parse.js';
import { corpusDays } from '../helpers.js';

const entry = process.argv[2] === 'search' ? 'search' : 'index';
const core = (await import(`../../src/entries/${entry}.js`)) as typeof import('../../src/entries/search.js');
const days = corpusDays();
const papersOf = (from: number, to: number) => days.slice(from, to).flatMap((day) => parseListing(day.text).papers);
/** Words of the papers' titles, typed one character at a time. */
const keystrokes = (papers: { title: string }[]) =>
  papers.flatMap((paper) => {
    const words = paper.title.split(' ').slice(0, 3).join(' ').toLowerCase();
    return Array.from(words, (_, i) => words.slice(0, i + 1));
  });

const first = papersOf(0, 80);
const second = papersOf(80, 156);
let index: ReturnType<typeof core.createSearchIndex> | undefined = core.createSearchIndex(first);
let firstHits = 0;
for (const query of keystrokes(first.slice(0, 120))) firstHits += index.search(query).length;
index = undefined;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
gc?.();
const next = core.createSearchIndex(second);
let secondHits = 0;
for (const query of keystrokes(second.slice(0, 20))) secondHits += next.search(query).length;
process.stdout.write(`${JSON.stringify({ firstHits, secondHits })}\n`);
