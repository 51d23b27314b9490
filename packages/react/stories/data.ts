/** Story data: the bundled real listings, nothing fetched. */
import type { Paper } from '@papertrend/core';
import { snapshot, snapshotPapers } from '@papertrend/core/snapshot';
import hostile from '../test/fixtures/hostile-papers.json';
import tex from '../test/fixtures/tex-papers.json';

/** The Hugging Face trending page as copied text (titles and abstracts only). */
export const trendingPapers: readonly Paper[] = snapshot.trending.papers;
/** A local figure for the `index`th paper (served by Storybook), so stories show images without the network. */
const localFigure = (index: number): string =>
  new URL(`fixtures/thumbnails/${index % 4}.svg`, globalThis.location?.href ?? 'http://localhost/').href;

/**
 * One Daily Papers API day: upvotes, comments, stars, AI summaries, keywords, code links. The papers that
 * have a Hugging Face thumbnail show a local figure instead, so no story reaches the network.
 */
export const dailyPapers: readonly Paper[] = snapshotPapers.map((paper, index) =>
  paper.links.thumbnail ? { ...paper, links: { ...paper.links, thumbnail: localFigure(index) } } : paper,
);

/**
 * Real papers whose titles or abstracts carry TeX (`LLM$\times$MapReduce`, `A^2FM`, `\( L_{1,2} \)`),
 * from the corpus the tests read: shown as Unicode, and as MathML where Unicode falls short.
 */
export const texPapers = (tex as unknown as Paper[]).map((paper, index) =>
  paper.links.thumbnail ? { ...paper, links: { ...paper.links, thumbnail: localFigure(index) } } : paper,
);

/** Relative dates are computed against this instant so screenshots and docs stay stable. */
export const DAILY_NOW = Date.parse('2026-08-24T09:00:00Z');

/** The daily paper with the longest author list, padded to a large collaboration's size. */
export const longAuthorPaper: Paper = (() => {
  const longest = [...dailyPapers].sort((a, b) => (b.authors?.length ?? 0) - (a.authors?.length ?? 0))[0];
  if (!longest) throw new Error('the snapshot has no papers');
  return { ...longest, authorCount: Math.max(longest.authors?.length ?? 0, 412) };
})();

/**
 * Every field carries markup, event handlers or `javascript:` URLs, as an unvalidated `Paper[]` would if
 * a user passed a hand-made array straight in. Rendering must execute nothing and link nothing unsafe.
 */
export const hostilePapers = hostile as unknown as readonly Paper[];

/**
 * Daily papers whose thumbnails are the local figures in test/fixtures/thumbnails (served by Storybook), so
 * stories and browser tests show images without the network.
 */
export const papersWithThumbnails: readonly Paper[] = dailyPapers.map((paper, index) => ({
  ...paper,
  links: { ...paper.links, thumbnail: localFigure(index) },
}));
