import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Paper, parseListing } from '@papertrend/core';
import { snapshot } from '@papertrend/core/snapshot';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { takeConsoleCalls } from '../../../test/no-console.js';
import { startServer, type TestServer } from '../../core/test/http-server.js';
import { EmbeddedPaper, periodRequest, TrendingPapers, toPaperView } from '../src/index.js';

afterEach(cleanup);
const papers = snapshot.daily.papers;
const NOW = Date.parse('2026-08-24T09:00:00Z');
const fixture = (day: string) =>
  readFileSync(join(import.meta.dirname, `../../core/test/fixtures/hf-api/${day}.json`), 'utf8');

describe('variant="compact"', () => {
  it('shows rank, title link, date and upvotes per paper, and no search or filters unless asked', () => {
    render(<TrendingPapers papers={papers} variant="compact" limit={5} now={NOW} locale="en" />);
    const items = within(document.querySelector('.pt-list') as HTMLElement).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const first = items[0] as HTMLElement;
    expect(first.querySelector('.pt-rank')?.textContent).toBe('1');
    expect(first.querySelector('.pt-rank')?.getAttribute('aria-hidden')).toBe('true');
    expect(first.querySelector('.pt-title-link')?.getAttribute('href')).toBe(papers[0]?.links.page);
    expect(first.querySelector('.pt-upvotes')?.textContent).toBe(`${papers[0]?.metrics.upvotes} upvotes`);
    expect(first.querySelector('time')?.getAttribute('dateTime')).toBe(papers[0]?.publishedAt);
    // What the compact row leaves out.
    expect(document.querySelector('.pt-abstract, .pt-authors, .pt-keywords, .pt-expand')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(items.map((item) => item.querySelector('.pt-rank')?.textContent)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keeps the search box when asked, and ranks the results it finds', () => {
    render(<TrendingPapers papers={papers} variant="compact" showSearch now={NOW} />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'video' } });
    const ranks = [...document.querySelectorAll('.pt-rank')].map((rank) => rank.textContent);
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks).toEqual(ranks.map((_, index) => String(index + 1)));
    expect(document.querySelector('.pt-row .pt-title mark')).not.toBeNull();
  });

  it('renders on the server too', () => {
    const html = renderToString(<TrendingPapers papers={papers} variant="compact" limit={3} now={NOW} locale="en" />);
    expect(html.match(/class="pt-row"/g)).toHaveLength(3);
    expect(html).toContain('class="pt-list pt-compact"');
  });
});

describe('thumbnails', () => {
  const withMedia: Paper = {
    ...(papers[0] as Paper),
    links: { page: 'https://huggingface.co/papers/x' },
    media: [
      { url: 'https://cdn.example/clip.mp4', type: 'video' },
      { url: 'https://cdn.example/figure.png', type: 'image' },
    ],
  };

  // Server markup, read into an inert document: the test environment cannot load images, and the widget
  // removes an image that fails (the browser tests see that in chromium).
  const imagesOf = (element: React.ReactElement) => [
    ...new DOMParser().parseFromString(renderToString(element), 'text/html').querySelectorAll('img'),
  ];

  it('are on for cards and off for compact rows by default; lazy, sized up front, decorative by default, and http(s) only', () => {
    expect(imagesOf(<TrendingPapers papers={papers} limit={3} now={NOW} showThumbnails={false} />)).toEqual([]);
    expect(imagesOf(<TrendingPapers papers={papers} limit={3} now={NOW} variant="compact" />)).toEqual([]);
    const images = imagesOf(<TrendingPapers papers={papers} limit={3} now={NOW} />);
    expect(images).toHaveLength(3);
    // `src` comes after `loading`: a renderer that sets attributes in order (preact, in the embed) would
    // otherwise ask for every image at once.
    expect(images[0]?.outerHTML).toMatch(/ loading="lazy"[^>]* src="https:/);
    for (const [index, image] of images.entries()) {
      expect(image.getAttribute('src')).toBe(papers[index]?.links.thumbnail);
      expect(image.getAttribute('loading')).toBe('lazy');
      expect(image.getAttribute('width')).toBe('160');
      expect(image.getAttribute('height')).toBe('90');
      expect(image.getAttribute('alt')).toBe('');
    }
    const [small] = imagesOf(
      <TrendingPapers
        papers={papers}
        limit={3}
        now={NOW}
        variant="compact"
        showThumbnails
        labels={{ thumbnailAlt: (title) => `Figure from ${title}` }}
      />,
    );
    expect([small?.getAttribute('width'), small?.getAttribute('height')]).toEqual(['64', '36']);
    expect(small?.getAttribute('alt')).toBe(`Figure from ${papers[0]?.title}`);
  });

  it('load from where the site says (`thumbnailSrc`: a proxy, own copies, or none), in cards, rows and one paper', () => {
    const seen: string[] = [];
    const viaProxy = (url: string, paper: Paper) => {
      seen.push(paper.id);
      return paper.id === papers[1]?.id ? undefined : `/img?u=${encodeURIComponent(url)}`;
    };
    for (const variant of ['card', 'compact'] as const) {
      const images = imagesOf(
        <TrendingPapers papers={papers} limit={3} now={NOW} variant={variant} showThumbnails thumbnailSrc={viaProxy} />,
      );
      // The second paper's image is refused by the site's function: none is shown for it.
      expect(images.map((image) => image.getAttribute('src'))).toEqual(
        [papers[0], papers[2]].map((paper) => `/img?u=${encodeURIComponent(paper?.links.thumbnail ?? '')}`),
      );
    }
    expect(seen.slice(0, 3)).toEqual(papers.slice(0, 3).map((paper) => paper.id));
    const [own] = imagesOf(
      <EmbeddedPaper paper={papers[0] as Paper} thumbnailSrc={(_, paper) => `/thumbs/${paper.id}.png`} />,
    );
    expect(own?.getAttribute('src')).toBe(`/thumbs/${papers[0]?.id}.png`);
  });

  it('fall back to the first image of media, and never take an unsafe URL', () => {
    expect(toPaperView(withMedia).thumbnail).toBe('https://cdn.example/figure.png');
    const unsafe = { ...withMedia, links: { thumbnail: 'javascript:alert(1)' }, media: [] } as unknown as Paper;
    expect(toPaperView(unsafe).thumbnail).toBeUndefined();
    render(<TrendingPapers papers={[unsafe]} showThumbnails now={NOW} />);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('the with-code filter', () => {
  it('keeps only papers with a code link, and says how many of all', () => {
    render(<TrendingPapers papers={papers} limit={100} now={NOW} />);
    const withCode = papers.filter((paper) => paper.links.code).length;
    expect(withCode).toBeGreaterThan(0);
    expect(withCode).toBeLessThan(papers.length);
    fireEvent.click(screen.getByRole('checkbox', { name: 'With code' }));
    expect(document.querySelectorAll('.pt-card')).toHaveLength(withCode);
    expect(document.querySelectorAll('.pt-card .pt-link-code')).toHaveLength(withCode);
    expect(screen.getByText(`${withCode} of ${papers.length} papers`)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'With code' }));
    expect(document.querySelectorAll('.pt-card')).toHaveLength(papers.length);
  });

  it('is not offered when no paper has a code link, and "clear search" clears it too', () => {
    const { rerender } = render(<TrendingPapers papers={snapshot.trending.papers} now={NOW} />);
    expect(snapshot.trending.papers.some((paper) => paper.links.code)).toBe(false);
    expect(screen.queryByRole('checkbox')).toBeNull();
    rerender(<TrendingPapers papers={papers} limit={100} now={NOW} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'With code' }));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'zzqx' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(document.querySelectorAll('.pt-card')).toHaveLength(papers.length);
    expect((screen.getByRole('checkbox', { name: 'With code' }) as HTMLInputElement).checked).toBe(false);
  });
});

describe('periods, through the real client against a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('starts at the `period` prop and fetches each period readers pick', async () => {
    // Each request gets a different real day, so what is shown proves which request was answered.
    const asked: string[] = [];
    server.handlers.set('/api/daily_papers', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      // happy-dom, like a browser, sends a CORS preflight first; only the GETs ask for papers.
      if (req.method === 'GET') asked.push(url.search);
      const day = url.searchParams.has('week')
        ? '2026-04-03'
        : url.searchParams.has('month')
          ? '2025-10-23'
          : url.searchParams.get('sort') === 'trending'
            ? '2026-08-21'
            : '2025-10-08';
      res.writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
      });
      res.end(fixture(day));
    });
    const client = createClient({ baseUrls: { huggingface: server.base }, cache: false });
    const titleOf = (day: string) => parseListing(fixture(day)).papers[0]?.title;
    render(<TrendingPapers client={client} period="week" now={NOW} limit={100} />);
    await screen.findByText(titleOf('2026-04-03') as string, { exact: false });
    const picker = screen.getByRole('combobox', { name: 'Period' });
    expect((picker as HTMLSelectElement).value).toBe('week');
    expect([...(picker as HTMLSelectElement).options].map((option) => option.text)).toEqual([
      'Today',
      'This week',
      'This month',
      'Trending',
    ]);
    for (const [period, day] of [
      ['month', '2025-10-23'],
      ['day', '2025-10-08'],
      ['trending', '2026-08-21'],
    ] as const) {
      await act(async () => {
        fireEvent.change(picker, { target: { value: period } });
      });
      await screen.findByText(titleOf(day) as string, { exact: false });
    }

    expect(asked).toEqual(['?week=2026-W35', '?month=2026-08', '', '?sort=trending']);
  });

  it('offers no period picker without a client that has daily()', () => {
    render(<TrendingPapers papers={papers} now={NOW} />);
    expect(screen.queryByRole('combobox', { name: 'Period' })).toBeNull();
  });

  it('takes a listing as the client answered it, and shows its saved-papers note with no fetch', () => {
    const listing = { papers: snapshot.daily.papers, meta: { fallback: 'snapshot', date: '2026-08-21' } };
    render(<TrendingPapers listing={listing} now={NOW} locale="en-GB" limit={3} />);
    expect(screen.getByText('Saved papers from 21 Aug')).toBeTruthy();
    expect(document.querySelectorAll('.pt-card')).toHaveLength(3);
    cleanup();
    // A live listing carries no note; `papers` given beside it win, with no note either.
    render(<TrendingPapers listing={{ papers: snapshot.daily.papers, meta: {} }} now={NOW} limit={3} />);
    expect(document.querySelector('.pt-note')).toBeNull();
    cleanup();
    render(<TrendingPapers listing={listing} papers={snapshot.daily.papers.slice(0, 1)} now={NOW} />);
    expect(document.querySelector('.pt-note')).toBeNull();
    expect(document.querySelectorAll('.pt-card')).toHaveLength(1);
  });

  it('says discreetly when the papers are the saved snapshot, with its day', async () => {
    // Down for GET; happy-dom's preflight (a real browser sends none) is answered so the 503 is what arrives.
    server.handlers.set('/api/daily_papers', (req, res) =>
      res
        .writeHead(req.method === 'OPTIONS' ? 204 : 503, {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': '*',
        })
        .end(),
    );
    const client = createClient({
      baseUrls: { huggingface: server.base },
      cache: false,
      fallback: 'snapshot',
      retry: { limit: 0 },
    });
    // Trending and a day of Daily Papers both fall back to the saved day.
    render(<TrendingPapers client={client} now={NOW} locale="en-GB" limit={3} />);
    expect(await screen.findByText('Saved papers from 21 Aug')).toBeTruthy();
    expect(document.querySelectorAll('.pt-card')).toHaveLength(3);
    cleanup();
    render(<TrendingPapers client={client} now={NOW} locale="en-GB" limit={3} period="day" />);
    expect(await screen.findByText('Saved papers from 21 Aug')).toBeTruthy();
    cleanup();
    // The site owner is told too, once per snapshot, by the client.
    const told = takeConsoleCalls();
    expect(told).toHaveLength(2);
    for (const line of told) expect(line).toMatch(/^console\.warn: \[papertrend\] Hugging Face could not be reached/);
    // A live answer carries no note.
    server.handlers.set('/api/daily_papers', (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
      });
      res.end(fixture('2026-08-21'));
    });
    render(<TrendingPapers client={client} now={NOW} limit={3} />);
    await screen.findAllByRole('article');
    expect(document.querySelector('.pt-note')).toBeNull();
  });
});

describe('periodRequest', () => {
  it('names the ISO week as date-fns does, for every day of 2000–2040', () => {
    const mismatches: string[] = [];
    for (let time = Date.UTC(2000, 0, 1); time < Date.UTC(2041, 0, 1); time += 86_400_000) {
      // date-fns reads local time; the machine's zone must not matter, so ask it about the same wall day.
      const day = new Date(time);
      const local = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
      const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
      const { week } = periodRequest('week', time + 23 * 3_600_000);
      if (week !== expected) mismatches.push(`${day.toISOString().slice(0, 10)}: ${week} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('names the UTC month and asks for the latest day without a date', () => {
    expect(periodRequest('month', Date.parse('2026-12-31T23:59:59Z'))).toEqual({ month: '2026-12' });
    expect(periodRequest('day', NOW)).toEqual({});
  });
});
