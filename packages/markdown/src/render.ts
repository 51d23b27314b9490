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
  const { idPrefix = `pt-${paper.id.replace(/[^a-z0-9]+/gi, '-')}-`, ...card } = options;
  // `jsx`, not `createElement`: hosts that set NODE_ENV after loading React (Docusaurus) pair a development
  // React with a production renderer, and only the development `createElement` asks the renderer for an owner.
  return renderToStaticMarkup(jsx(EmbeddedPaper, { headingLevel: 3, ...card, paper, expandable: false }), {
    identifierPrefix: idPrefix,
  });
}

/** The heading level of a card in a section headed at `section` (h1 → 2): one below, at most 6. */
export function cardHeadingLevel(section: number): 2 | 3 | 4 | 5 | 6 {
  return Math.min(Math.max(section + 1, 2), 6) as 2 | 3 | 4 | 5 | 6;
}
