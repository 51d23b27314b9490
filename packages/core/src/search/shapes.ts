/**
 * A one-paper index, and what a few searches on it return, kept for the module's life once the first index
 * is made, so that the classes of a search's objects never all die.
 *
 * V8 keeps an object's hidden class only while an object of that class lives (the transition that made it
 * holds it weakly), and when the class dies it throws away the compiled code that checks for it. When the only
 * index a program had was replaced (a new listing) and collected, every class of its objects died with it,
 * and the next index's first keystrokes ran unoptimised code again. Over a 10,000-paper index made after a
 * 2,966-paper one was collected, the first 60 keystrokes took 68–86 ms and up to 15 ms one keystroke; with
 * the shapes kept, 28–46 ms and up to 7 ms (six processes each). Its cost, once: ~5 ms at the first index, whose first search is
 * ~2.5 ms quicker for it, and ~0.3 MB kept. The main entry installs it; the search entry, a widget's, does
 * without (its listings are small, and its bytes are its page's).
 */
import type { Paper } from '../model.js';
import { onIndexMade, SearchIndex } from './search-index.js';

/** Keep the search's classes alive from the first index made on. */
export function installShapeKeeper(): void {
  onIndexMade(keepShapes);
}

/** What is kept, for the module's life. */
const kept: unknown[] = [];

function keepShapes(): void {
  // Unset first: the keeper's own index is made through the same hook, and one keeper is enough.
  onIndexMade(undefined);
  const index = new SearchIndex([SHAPES_PAPER]);
  // A prefix, then one and two typos and words side by side, twice: a field's second reading is kept.
  const hits = ['lan', 'pretrianed langauge models', 'pretrianed langauge models'].map((query) => index.search(query));
  kept.push(index, hits, hits[0]?.[0]?.matches);
}

const SHAPES_PAPER: Paper = {
  id: 'papertrend:shapes',
  title: 'Kept shapes for pre-trained language models',
  abstract: 'Language models, pre-trained and kept: shapes that outlive an index.',
  authors: [{ name: 'Ada Lovelace' }],
  keywords: ['language models'],
  aiSummary: 'Kept shapes.',
  links: {},
  metrics: {},
  source: 'papertrend',
};
