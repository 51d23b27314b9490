import {
  createClient,
  HttpError,
  NetworkError,
  type Paper,
  parseListing,
  RequestTimeoutError,
  UnknownFormatError,
} from '@papertrend/core';
import { snapshot } from '@papertrend/core/snapshot';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { takeConsoleCalls, waitForConsoleCalls } from '../../../test/no-console.js';
import { highlightPieces, PaperCard, safeHref, TrendingPapers, toPaperView } from '../src/index.js';

afterEach(cleanup);
const papers = snapshot.daily.papers;
const NOW = Date.parse('2026-08-24T00:00:00Z');

/** Records what each commit put on screen, read in a layout effect: after the DOM changed, before any paint. */
function CommitRecorder(props: { seen: string[]; papers: readonly Paper[]; query: string }) {
  useLayoutEffect(() => {
    const titles = [...document.querySelectorAll('.pt-list .pt-title')].map((title) => title.textContent);
    const state = titles.length > 0 ? titles[0] : document.querySelector('.pt-empty, .pt-no-match')?.className;
    props.seen.push(`${props.papers.length}:${state}`);
  });
  return <TrendingPapers papers={props.papers} query={props.query} now={NOW} />;
}

describe('view helpers', () => {
  it('shortens long author lists, leaves hidden authors to core, and keeps only http(s) links', () => {
    const paper: Paper = {
      id: 'x',
      title: 'T',
      authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }],
      authorCount: 664,
      links: { page: 'https://huggingface.co/papers/x', code: 'javascript:alert(1)', pdf: 'https://arxiv.org/pdf/x' },
      metrics: {},
      source: 'test',
      publishedAt: '2026-08-21T00:00:00Z',
    };
    const view = toPaperView(paper, { now: NOW, locale: 'en' });
    expect(view.authors).toEqual(['A', 'B', 'C']);
    expect(view.moreAuthors).toBe(661);
    expect(view.links).toEqual([{ kind: 'pdf', href: 'https://arxiv.org/pdf/x' }]);
    expect(view.date).toMatchObject({ iso: '2026-08-21T00:00:00Z', relative: '3 days ago' });
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('javascript:alert(1)//https://x.org/')).toBeUndefined();
    expect(safeHref('https://arxiv.org/abs/2106.09685v2?x=1#y')).toBe('https://arxiv.org/abs/2106.09685v2?x=1#y');
    // Shapes other than the plain one are parsed and come back as the URL parser writes them.
    expect(safeHref('HTTPS://ArXiv.org')).toBe('https://arxiv.org/');
    expect(safeHref('https://x.org/a b')).toBe('https://x.org/a%20b');
    expect(safeHref(' https://x.org/')).toBe('https://x.org/');
    expect(safeHref('https://x.org:443/')).toBe('https://x.org/');
    expect(safeHref('https://user@x.org/')).toBe('https://user@x.org/');
  });

  it('splits text into highlighted pieces by ranges, ignoring overlaps and out-of-range ends', () => {
    expect(highlightPieces('Hervé Jégou', [[6, 11]])).toEqual([
      { text: 'Hervé ', mark: false },
      { text: 'Jégou', mark: true },
    ]);
    expect(
      highlightPieces('abcdef', [
        [2, 4],
        [3, 5],
        [10, 12],
      ]).map((p) => p.text),
    ).toEqual(['ab', 'cd', 'e', 'f']);
  });
});

describe('server rendering', () => {
  it('renders the full list to HTML without touching window or document', () => {
    const html = renderToString(<TrendingPapers papers={papers} limit={5} now={NOW} locale="en" />);
    expect(html).toContain('class="pt-root"');
    expect(html).toContain('data-pt-theme="auto"');
    expect(html.match(/class="pt-card"/g)).toHaveLength(5);
    expect(html).toContain('EnvHarness: Awakening Static Worlds for Agent Learning');
    expect(html).toMatch(/<time class="pt-date" dateTime="2026-08-20T00:00:00.000Z"[^>]*>4 days ago<\/time>/);
    expect(html).toContain('17 papers');
    expect(html).toMatch(/<label class="pt-search-label" for="[^"]+">Search papers<\/label>/);
  });

  it('renders with an invalid locale (once a RangeError mid-render): default locale and one warning', () => {
    takeConsoleCalls();
    const html = renderToString(<TrendingPapers papers={papers} limit={3} now={NOW} locale="en_US!" />);
    expect(html.match(/class="pt-card"/g)).toHaveLength(3);
    expect(takeConsoleCalls()).toEqual([
      expect.stringMatching(/^console\.warn: papertrend: "en_US!" is not a valid locale .*using the default locale/),
    ]);
  });

  it('renders the loading state for a URL source on the server, with aria-busy', () => {
    const html = renderToString(<TrendingPapers src="/papers.json" />);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('class="pt-skeleton"');
  });
});

describe('in the DOM', () => {
  it('searches as you type, highlights matches, announces the count, and offers to clear a miss', () => {
    render(<TrendingPapers papers={papers} now={NOW} />);
    const input = screen.getByLabelText('Search papers');
    fireEvent.change(input, { target: { value: 'envharnes' } });
    const list = document.querySelector('.pt-list') as HTMLElement;
    const first = within(list).getAllByRole('article')[0] as HTMLElement;
    expect(first.querySelector('.pt-title')?.textContent).toBe(
      'EnvHarness: Awakening Static Worlds for Agent Learning',
    );
    expect([...first.querySelectorAll('.pt-title mark')].map((mark) => mark.textContent)).toEqual(['EnvHarnes']); // the typed part of the word
    expect(screen.getByText(/of 17 papers/).getAttribute('aria-live')).toBe('polite');

    fireEvent.change(input, { target: { value: 'zzzqqq' } });
    expect(screen.getByText('No papers match “zzzqqq”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect((input as HTMLInputElement).value).toBe('');
    expect(screen.getAllByRole('article')).toHaveLength(17);
  });

  it('shows new papers in the same commit as the query that came with them (no frame of the old ones)', () => {
    const seen: string[] = [];
    const { rerender } = render(<CommitRecorder seen={seen} papers={[]} query="" />);
    rerender(<CommitRecorder seen={seen} papers={papers} query="envharness" />);
    expect(seen).toEqual(['0:pt-empty', '17:EnvHarness: Awakening Static Worlds for Agent Learning']);
  });

  it('reads the query language as typed: phrases, exclusions and fields', () => {
    render(<TrendingPapers papers={papers} now={NOW} limit={50} />);
    const input = screen.getByLabelText('Search papers');
    const titles = () =>
      within(document.querySelector('.pt-list') as HTMLElement)
        .queryAllByRole('article')
        .map((card) => card.querySelector('.pt-title')?.textContent);
    fireEvent.change(input, { target: { value: 'title:agent' } });
    const inTitles = titles();
    expect(inTitles.length).toBeGreaterThan(0);
    for (const title of inTitles) expect(title).toMatch(/agent/i);
    fireEvent.change(input, { target: { value: 'title:agent -envharness' } });
    expect(titles()).toEqual(inTitles.filter((title) => !/envharness/i.test(title ?? '')));
    fireEvent.change(input, { target: { value: '"static worlds"' } });
    expect(titles()).toEqual(['EnvHarness: Awakening Static Worlds for Agent Learning']);
  });

  it('sorts, pages with "show more", and opens the rest of a text and the other one with one "More"', () => {
    render(<TrendingPapers papers={papers} limit={5} now={NOW} />);
    expect(screen.getAllByRole('article')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (12)' }));
    expect(screen.getAllByRole('article')).toHaveLength(10);
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'upvotes' } });
    const upvotes = screen.getAllByText(/upvotes?$/).map((node) => Number(node.textContent?.split(' ')[0]));
    expect(screen.getAllByText(/^1 comment$/).length).toBeGreaterThan(0); // singular where it is one
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    const card = screen.getAllByRole('article').find((article) => article.querySelector('.pt-summary')) as HTMLElement;
    // The machine-written summary comes first, labelled; the authors' abstract is one click away.
    expect(card.querySelector('.pt-summary .pt-text-label')?.textContent).toBe('AI summary');
    expect(card.querySelector('.pt-abstract')).toBeNull();
    const toggle = within(card).getByRole('button', { name: 'More' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Less');
    expect(card.querySelector('.pt-abstract .pt-text-label')?.textContent).toBe('Abstract');
  });

  it('moves focus between results with the arrow keys', () => {
    render(<TrendingPapers papers={papers} limit={3} now={NOW} />);
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.pt-title-link')];
    links[0]?.focus();
    fireEvent.keyDown(links[0] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(links[1] as HTMLElement, { key: 'End' });
    expect(document.activeElement).toBe(links[2]);
    fireEvent.keyDown(links[2] as HTMLElement, { key: 'Home' });
    expect(document.activeElement).toBe(links[0]);
  });

  it('shows a loading skeleton, then a reader-facing error with a retry; the detail goes to onError and one warning', async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      if (calls === 1)
        throw Object.assign(new Error('[GET] "https://proxy.example/papers": 503 Service Unavailable'), {
          name: 'HttpError',
        });
      return papers;
    };
    const errors: Error[] = [];
    render(<TrendingPapers load={load} now={NOW} onError={(error) => errors.push(error)} />);
    expect(document.querySelector('.pt-root')?.getAttribute('aria-busy')).toBe('true');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Could not load papers.The paper service is not answering right now. Try again in a moment.Try again',
    );
    // onError runs in an effect after the error is painted.
    await waitFor(() =>
      expect(errors.map((error) => error.message)).toEqual([
        '[GET] "https://proxy.example/papers": 503 Service Unavailable',
      ]),
    );
    expect(takeConsoleCalls()).toEqual([
      'console.warn: papertrend: could not load papers: [GET] "https://proxy.example/papers": 503 Service Unavailable',
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(await screen.findAllByRole('article')).toHaveLength(17);
    expect(errors).toHaveLength(1);
  });

  it("tells readers apart by the error's own failure kind — never the raw message", async () => {
    const request = { method: 'GET', url: 'https://huggingface.co/api/daily_papers?x=vite-app', retries: 2 };
    for (const [error, hint, retry] of [
      [new NetworkError(request, new TypeError('fetch failed')), 'Check your connection, then try again.', true],
      [new RequestTimeoutError(request, 10_000), 'Check your connection, then try again.', true],
      [
        new HttpError(request, 503, 'Service Unavailable', ''),
        'The paper service is not answering right now. Try again in a moment.',
        true,
      ],
      [
        new HttpError(request, 404, 'Not Found', ''),
        'These papers are not available here. The site may have a wrong link.',
        false,
      ],
      [
        new UnknownFormatError('the input is an HTML page ("vite-app")', []),
        'The list of papers could not be read.',
        true,
      ],
      // A bug in a site's own load() is no network problem: the reader is not told to check theirs.
      [
        new TypeError('vite-app is not a function'),
        'The paper service is not answering right now. Try again in a moment.',
        true,
      ],
    ] as const) {
      const load = async (): Promise<readonly Paper[]> => {
        throw error;
      };
      render(<TrendingPapers load={load} />);
      const alert = await screen.findByRole('alert');
      expect(alert.querySelector('.pt-error-detail')?.textContent, error.name).toBe(hint);
      expect(alert.textContent).not.toContain('vite-app');
      expect(within(alert).queryByRole('button', { name: 'Try again' }) !== null, error.name).toBe(retry);
      // No search or sort over an error.
      expect(screen.queryByRole('searchbox')).toBeNull();
      // The warning is logged by an effect after the error is painted.
      await waitForConsoleCalls(1);
      cleanup();
    }
  });

  it("shows a papertrend client's trending papers, through the real client and parser", async () => {
    const dailyJson = JSON.stringify(
      (await import('../../core/test/fixtures/hf-api/2026-08-21.json', { with: { type: 'json' } })).default,
    );
    const requested: string[] = [];
    const client = createClient({
      // The network stays out of a component test; everything behind fetch is the real client.
      fetch: async (input) => {
        requested.push(input instanceof Request ? input.url : String(input));
        return new Response(dailyJson, { headers: { 'content-type': 'application/json' } });
      },
    });
    render(<TrendingPapers client={client} now={NOW} limit={5} />);
    expect(await screen.findAllByRole('article')).toHaveLength(5);
    expect(screen.getByText('17 papers')).toBeTruthy();
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatch(/\/api\/daily_papers\?.*sort=trending/);
  });

  it('distinguishes an empty listing from no match, and translates every string', () => {
    render(
      <TrendingPapers
        papers={[]}
        labels={{ empty: 'Noch keine Paper.', searchLabel: 'Paper suchen', sortLabel: 'Sortieren' }}
      />,
    );
    expect(screen.getByText('Noch keine Paper.')).toBeTruthy();
    expect(screen.getByLabelText('Paper suchen')).toBeTruthy();
  });

  it('renders hostile paper text as text and never links a non-http URL', () => {
    const hostile = parseListing(
      JSON.stringify([
        {
          ...papers[0],
          title: '<img src=x onerror="window.__pwned=1">',
          abstract: '<script>window.__pwned=1</script>',
          links: { page: 'https://huggingface.co/papers/x', code: 'javascript:window.__pwned=1' },
        },
      ]),
    ).papers;
    const { container } = render(<PaperCard paper={hostile[0] as Paper} now={NOW} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
