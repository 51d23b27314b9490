// @vitest-environment node
import { readFileSync } from 'node:fs';
import { type Paper, parseListing } from '@papertrend/core';
import { snapshot } from '@papertrend/core/snapshot';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TrendingPapers, type TrendingPapersProps } from '../src/index.js';
import { type TrimOptions, trimForWidget } from '../src/server.js';

const NOW = Date.parse('2026-08-24T00:00:00Z');
const arxiv = parseListing(
  readFileSync(new URL('../../core/test/fixtures/arxiv/query-all-science-2019-08.xml', import.meta.url), 'utf8'),
).papers;
// Each with a query its papers answer, and an author among them.
const listings: [string, readonly Paper[], string, string][] = [
  ['Hugging Face', snapshot.daily.papers, 'agent learning', 'author:huang'],
  ['arXiv', arxiv, 'quantum information', 'author:nielsen'],
];
const bytes = (value: unknown) => JSON.stringify(value).length;
// The cards themselves; with `limit` the count above them and "Show more" below speak of fewer papers, on purpose.
const cards = (html: string) => html.match(/<ol class="pt-list[^"]*">.*<\/ol>/)?.[0] ?? '';

describe('trimForWidget', () => {
  const cases = (query: string, author: string): [string, TrendingPapersProps, TrimOptions][] => [
    ['cards', { limit: 5 }, { limit: 5 }],
    ['cards, no search', { limit: 5, showSearch: false }, { limit: 5, search: false }],
    ['cards, searched', { initialQuery: query }, {}],
    ['compact', { limit: 5, variant: 'compact' }, { limit: 5, variant: 'compact' }],
    [
      'compact with thumbnails',
      { limit: 3, variant: 'compact', showThumbnails: true },
      { limit: 3, variant: 'compact', showThumbnails: true },
    ],
    ['everything, searched by author', { initialQuery: author }, {}],
  ];
  for (const [source, papers, query, author] of listings) {
    for (const [name, props, options] of cases(query, author)) {
      it(`renders ${source} papers as the whole papers do: ${name}`, () => {
        const trimmed = trimForWidget(papers, options);
        const whole = renderToString(<TrendingPapers papers={papers} now={NOW} locale="en" {...props} />);
        const shown = renderToString(<TrendingPapers papers={trimmed} now={NOW} locale="en" {...props} />);
        expect(cards(whole)).toContain('<li');
        expect(cards(shown)).toBe(cards(whole));
        if (options.limit === undefined) expect(shown).toBe(whole);
        expect(bytes(trimmed)).toBeLessThan(bytes(papers));
      });
    }
  }

  it('keeps a listing’s saved-snapshot note, and cuts the props of a five-row sidebar to a tenth', () => {
    const listing = { ...snapshot.daily, meta: { ...snapshot.daily.meta, fallback: 'snapshot' as const } };
    const trimmed = trimForWidget(listing, { limit: 5, variant: 'compact' });
    expect(trimmed.meta).toEqual({ fallback: 'snapshot', date: '2026-08-21' });
    const props = { now: NOW, locale: 'en', limit: 5, variant: 'compact' as const };
    const html = renderToString(<TrendingPapers listing={trimmed} {...props} />);
    expect(html).toContain('Saved papers from');
    expect(cards(html)).toBe(cards(renderToString(<TrendingPapers listing={listing} {...props} />)));
    expect(bytes(trimmed)).toBeLessThan(bytes(listing.papers) / 10);
  });

  it('trims what a search never reads and no card shows: affiliations, media lists, arXiv comments', () => {
    const [paper] = trimForWidget(arxiv.filter((each) => each.comment && each.categories));
    expect(paper).toBeDefined();
    expect(Object.keys(paper as Paper)).not.toEqual(expect.arrayContaining(['comment']));
    expect(paper?.categories).toBeUndefined();
    expect(paper?.authors?.every((author) => Object.keys(author).join() === 'name')).toBe(true);
  });
});
