/**
 * `@papertrend/embed/server`: `<trending-papers>` as finished HTML, for pages built ahead of time (a static
 * site generator, a build script, VitePress, Hugo's output post-processed). The widget's markup goes into a
 * declarative shadow root (`<template shadowrootmode="open">`), so readers without JavaScript and crawlers see
 * the papers, styled as the live widget is; the papers go beside it as inline JSON, so when the script loads
 * the element renders the same papers straight away and becomes searchable, with no loading state in between.
 */
import type { Paper } from '@papertrend/core';
import { trimForWidget } from '@papertrend/react';
import widgetStyles from '@papertrend/react/styles.css';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { attributeOptions, type TrendingPapersAttributes } from './element.js';
import { Embedded, hostStyles } from './mount.js';

export interface RenderTrendingPapersOptions {
  /** The papers, or a listing holding them (`createClient().trending()`, `papertrend … --json`). */
  papers: readonly Paper[] | { papers: readonly Paper[] };
  /** The element's attributes, as on the page (`src` is not taken: the papers are inlined instead). */
  attributes?: Omit<TrendingPapersAttributes, 'src'> & { id?: string; class?: string };
  /** The element's tag, when it was defined under another name (`defineTrendingPapersElement('my-papers')`). */
  tagName?: string;
}

/**
 * The `<trending-papers>` element with its rendered papers inside, as HTML to write into a page. The script
 * tag still has to be on the page for search and paging; without it the papers read as a static list.
 *
 * @example
 * ```ts
 * import { renderTrendingPapers } from '@papertrend/embed/server';
 * const html = renderTrendingPapers({ papers: listing, attributes: { limit: 5, variant: 'compact' } });
 * // <trending-papers limit="5" variant="compact"><template shadowrootmode="open">…</template>…</trending-papers>
 * ```
 */
export function renderTrendingPapers({
  papers,
  attributes = {},
  tagName = 'trending-papers',
}: RenderTrendingPapersOptions): string {
  if (!/^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tagName))
    throw new TypeError(`"${tagName}" is not a custom element name`);
  // `thumbnails: false` is written `thumbnails="false"`, which the element reads as off (absent would mean on).
  const given = Object.entries(attributes).filter(([name, value]) => name !== 'src' && value !== undefined);
  const values = new Map(given.map(([name, value]) => [name, value === true ? '' : String(value)]));
  const read = attributeOptions((name) => values.get(name) ?? null);
  // Every paper stays (readers search them all), each with only what the widget shows and searches.
  const list = trimForWidget('papers' in papers ? papers.papers : papers, {
    ...(read.variant ? { variant: read.variant } : {}),
    ...(read.showSearch === undefined ? {} : { search: read.showSearch }),
    ...(read.showThumbnails === undefined ? {} : { showThumbnails: read.showThumbnails }),
  });
  const options = { ...read, papers: list };
  const theme = options.theme ?? 'auto';
  const widget = renderToString(createElement(Embedded, { options, theme }));
  const attributeText = [...values].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return (
    `<${tagName}${attributeText}>` +
    // The same tree the element builds on upgrade (renderInShadow): the stylesheet, then the widget's container.
    `<template shadowrootmode="open"><style>${hostStyles}${widgetStyles}</style><div>${widget}</div></template>` +
    `<script type="application/json">${inlineJson(list)}</script>` +
    `</${tagName}>`
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** JSON that cannot end its script element early: `<` (as in `</script>` or `<!--`) written as `\u003c`. */
function inlineJson(papers: readonly Paper[]): string {
  return JSON.stringify(papers)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
