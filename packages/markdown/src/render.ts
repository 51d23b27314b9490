import type { Paper } from '@papertrend/core';
import { EmbeddedPaper, type EmbeddedPaperProps } from '@papertrend/react';
import { jsx } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';

/** What a static card shows: the card's own props, except those that need a browser. */
export type StaticCardOptions = Pick<
  EmbeddedPaperProps,
  'theme' | 'labels' | 'locale' | 'now' | 'headingLevel' | 'showThumbnail' | 'summary' | 'date' | 'className'
>;

/**
 * One paper as the widget's card, in static HTML: no script, no "More" button (the first text is shown
 * whole). Style it with `@papertrend/react/styles.css`. `idPrefix` keeps the ids inside each card unique
 * when a page holds several.
 */
export function renderPaperCard(paper: Paper, options: StaticCardOptions & { idPrefix?: string } = {}): string {
  const { idPrefix = idPrefixOf(paper.id, 1), ...card } = options;
  // `jsx`, not `createElement`: hosts that set NODE_ENV after loading React (Docusaurus) pair a development
  // React with a production renderer, and only the development `createElement` asks the renderer for an owner.
  return renderToStaticMarkup(jsx(EmbeddedPaper, { headingLevel: 3, ...card, paper, expandable: false }), {
    identifierPrefix: idPrefix,
  });
}

/** The heading level of a card in a section headed at `section` (h1 → 2): one below, at most 6. */
function cardHeadingLevel(section: number): 2 | 3 | 4 | 5 | 6 {
  return Math.min(Math.max(section + 1, 2), 6) as 2 | 3 | 4 | 5 | 6;
}

const idPrefixOf = (id: string, occurrence: number): string => `pt-${id.replace(/\W+/g, '-')}-${occurrence}-`;

/**
 * What both plugins do with the cards of one page: each is titled one level below its section, and its ids
 * are ones no other card of the page has, the same paper twice included.
 */
export function pageCards(card: StaticCardOptions = {}): (paper: Paper, section: number) => string {
  const seen = new Map<string, number>();
  return (paper, section) => {
    const occurrence = (seen.get(paper.id) ?? 0) + 1;
    seen.set(paper.id, occurrence);
    return renderPaperCard(paper, {
      headingLevel: cardHeadingLevel(section),
      ...card,
      idPrefix: idPrefixOf(paper.id, occurrence),
    });
  };
}

/** Says each message once for the life of a plugin (one build), however many pages repeat it. */
export function warnOnceEach(): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    console.warn(message);
  };
}

/** The build warning for a paper link left as a link. */
export const missingPaper = (id: string): string =>
  `[papertrend] no paper ${id} on Hugging Face or arXiv: its link stays a link`;
