import { createClient, RequestTimeoutError } from '@papertrend/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { defaultLabels, type Labels, PaperCard, TrendingPapers } from '../src/index.js';
import {
  DAILY_NOW,
  dailyPapers,
  hostilePapers,
  longAuthorPaper,
  papersWithThumbnails,
  texPapers,
  trendingPapers,
} from './data.js';

const meta = {
  title: 'Widget/TrendingPapers',
  component: TrendingPapers,
  args: { locale: 'en', limit: 8 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    sort: { control: 'inline-radio', options: ['relevance', 'upvotes', 'date'] },
    variant: { control: 'inline-radio', options: ['card', 'compact'] },
    period: { control: 'inline-radio', options: ['day', 'week', 'month', 'trending'] },
    client: { control: false },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4, 5, 6] },
    papers: { control: false },
    load: { control: false },
    renderPaper: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The trending-papers widget. Import `@papertrend/react/styles.css` once, then give it `papers` ' +
          '(built at build time or by a server component), a `src` URL of any listing format core reads, ' +
          'a papertrend `client` (its `trending()` is shown), or a `load` function for anything else.',
      },
    },
  },
} satisfies Meta<typeof TrendingPapers>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Daily Papers day, with relative dates as of three days after it. */
const daily = { papers: dailyPapers, now: DAILY_NOW };

/** The Hugging Face trending page (copied text): titles and abstracts, no metrics. */
export const Default: Story = { args: { papers: trendingPapers } };

/** A Daily Papers API day: upvotes, comments, GitHub stars, AI summaries, keywords, code and project links. */
export const RichApiDay: Story = { args: daily };

/** Search as you type: matches highlighted in titles, authors, abstracts and keywords. */
export const SearchWithResults: Story = { args: { ...daily, initialQuery: 'agent' } };

/** A query nothing matches: distinct from an empty listing, and offers to clear the search. */
export const SearchNoMatch: Story = { args: { ...daily, initialQuery: 'basket weaving' } };

/** Skeleton cards with `aria-busy` while the listing loads (the animation stops under reduced motion). */
export const Loading: Story = { args: { load: () => new Promise(() => {}) } };

/**
 * A failed load shows readers a short message with a hint by kind (here: no answer in time) and a retry; the
 * technical detail goes to `onError` and one `console.warn`.
 */
export const ErrorState: Story = {
  name: 'Error',
  args: {
    load: () =>
      Promise.reject(
        new RequestTimeoutError({ method: 'GET', url: 'https://huggingface.co/api/daily_papers', retries: 2 }, 15_000),
      ),
  },
};

/** A listing with no papers at all. */
export const Empty: Story = { args: { papers: [] } };

/** `theme="auto"` follows an ancestor `[data-theme="dark"]` (Docusaurus, Nextra) or `.dark`. */
export const DarkViaAncestor: Story = {
  args: daily,
  decorators: [
    (Story) => (
      <div data-theme="dark" style={{ background: '#0d1117', padding: 16, borderRadius: 8 }}>
        <Story />
      </div>
    ),
  ],
};

const brandVariables = {
  // Set on a wrapper: the variables inherit into the widget. light-dark() keeps a palette for each scheme.
  '--pt-accent': 'light-dark(#8250df, #c297ff)',
  '--pt-focus': 'light-dark(#8250df, #c297ff)',
  '--pt-mark-bg': 'light-dark(#f3e8ff, #4c2889)',
  '--pt-mark-fg': 'light-dark(#3e1f79, #ffffff)',
  '--pt-card-bg': 'light-dark(#fdfcff, #1d1530)',
  '--pt-border': 'light-dark(#d8b9ff, #5a3d8a)',
  '--pt-radius': '14px',
  '--pt-gap': '16px',
  '--pt-font': 'Georgia, "Times New Roman", serif',
} as CSSProperties;

/** Theming is `--pt-*` custom properties on any ancestor (or on the widget): no specificity fights. */
export const CustomCssVariables: Story = {
  args: { ...daily, initialQuery: 'reasoning' },
  decorators: [
    (Story) => (
      <div style={brandVariables}>
        <Story />
      </div>
    ),
  ],
};

const phoneColumn: Story['decorators'] = [
  (Story) => (
    <div style={{ maxWidth: 340, margin: '0 auto' }}>
      <Story />
    </div>
  ),
];

/** A narrow phone-width column: the toolbar wraps, metrics wrap, nothing overflows. */
export const MobileWidth: Story = { args: { ...daily, limit: 4 }, decorators: phoneColumn };

/** A large collaboration: the first authors are shown and the rest counted as "+N". */
export const LongAuthorList: Story = { args: { papers: [longAuthorPaper], now: DAILY_NOW } };

const germanLabels: Partial<Labels> = {
  searchLabel: 'Artikel durchsuchen',
  searchPlaceholder: 'Titel, Autorinnen, Abstracts …',
  resultCount: (count, total) => (count === total ? `${total} Artikel` : `${count} von ${total} Artikeln`),
  noMatch: (query) => `Keine Artikel zu „${query}“.`,
  clearSearch: 'Suche löschen',
  empty: 'Noch keine Artikel.',
  loading: 'Artikel werden geladen …',
  error: 'Artikel konnten nicht geladen werden.',
  errorHint: {
    offline: 'Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    unavailable: 'Der Dienst antwortet gerade nicht. Bitte gleich noch einmal versuchen.',
    refused: 'Diese Artikel sind hier nicht verfügbar. Vielleicht ist der Link der Seite falsch.',
    unreadable: 'Die Artikelliste konnte nicht gelesen werden.',
  },
  retry: 'Erneut versuchen',
  showMore: (remaining) => `Mehr anzeigen (${remaining})`,
  more: 'Mehr',
  less: 'Weniger',
  aiSummary: 'KI-Zusammenfassung',
  abstract: 'Abstract',
  submittedBy: (name) => `Eingereicht von ${name}`,
  featured: (relative) => `Vorgestellt ${relative}`,
  upvotes: (formatted, value) => `${formatted} ${value === 1 ? 'Stimme' : 'Stimmen'}`,
  comments: (formatted, value) => `${formatted} ${value === 1 ? 'Kommentar' : 'Kommentare'}`,
  stars: (formatted, value) => `${formatted} GitHub-${value === 1 ? 'Stern' : 'Sterne'}`,
  links: { ...defaultLabels.links, code: 'Quellcode', project: 'Projektseite' },
  sortLabel: 'Sortieren nach',
  sorts: { relevance: 'Beste', upvotes: 'Meiste Stimmen', date: 'Neueste' },
  periodLabel: 'Zeitraum',
  periods: { day: 'Heute', week: 'Diese Woche', month: 'Dieser Monat', trending: 'Im Trend' },
  withCode: 'Mit Code',
  savedPapers: (date) => (date ? `Gespeicherte Artikel vom ${date}` : 'Gespeicherte Artikel'),
};

/** Every visible string comes from `labels`; dates and numbers follow `locale`. */
export const I18nLabels: Story = { name: 'i18n labels', args: { ...daily, labels: germanLabels, locale: 'de' } };

/** `renderPaper` replaces the card; search, sort, paging and states stay the widget's. */
export const CustomCardRenderer: Story = {
  args: {
    ...daily,
    initialQuery: 'video',
    renderPaper: (hit) => (
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline' }}>
        <strong style={{ minWidth: '3ch', textAlign: 'right' }}>{hit.paper.metrics.upvotes ?? 0}</strong>
        <span>{hit.paper.title}</span>
      </div>
    ),
  },
};

/**
 * Markup, event handlers and `javascript:`/`data:` URLs in every field of an unvalidated array: shown as
 * text, and titles without a safe link are not links.
 */
/**
 * Every paper of the test corpus whose title carries TeX: `LLM$\times$MapReduce` reads LLM×MapReduce, `A^2FM`
 * A²FM; one abstract's `\( L_{1,2} \)` becomes MathML.
 */
export const MathInPapers: Story = { args: { papers: texPapers, now: DAILY_NOW, limit: 40 } };

/** The authors' abstract first; Hugging Face's AI summary one "More" away, labelled. */
export const AbstractFirst: Story = { args: { ...daily, summary: 'abstract', limit: 4 } };

/** `theme="page"` on a page with no dark theme: light, whatever the reader's OS prefers. */
export const FollowsPageOnly: Story = { args: { ...daily, theme: 'page', limit: 3 } };

export const HostilePapers: Story = { args: { papers: hostilePapers, now: DAILY_NOW } };

/** `src` mode: the widget fetches a Hugging Face API response and validates it with core's parsers. */
// Listings fetched at run time carry Hugging Face's thumbnail URLs; stories stay off the network.
export const FromUrl: Story = { args: { src: 'fixtures/hf-api/2026-08-21.json', showThumbnails: false } };

/** The same hostile listing loaded through `src`: validation drops the unsafe links before rendering. */
export const HostileFromUrl: Story = {
  args: { src: 'fixtures/hostile-papers.json' },
};

/** `PaperCard` alone, for people composing their own layout. */
export const SingleCard: StoryObj<typeof PaperCard> = {
  render: () => {
    const paper = dailyPapers[0];
    return paper ? (
      <div className="pt-root">
        <PaperCard paper={paper} now={DAILY_NOW} locale="en" headingLevel={2} />
      </div>
    ) : (
      <p>no paper</p>
    );
  },
};

/** `variant="compact"`: rank, title, date and upvotes in one or two lines, for a sidebar or a docs page. */
export const Compact: Story = { args: { ...daily, variant: 'compact', limit: 10 } };

/** Compact rows with thumbnails: lazy images with their size stated, so nothing shifts when they arrive. */
export const CompactWithThumbnails: Story = {
  args: { papers: papersWithThumbnails, now: DAILY_NOW, variant: 'compact', showThumbnails: true, limit: 10 },
};

/** The compact list keeps the search box when asked for (`showSearch`). */
export const CompactWithSearch: Story = {
  args: { ...daily, variant: 'compact', showSearch: true, initialQuery: 'video' },
};

/** The compact list while loading: row-shaped placeholders. */
export const CompactLoading: Story = { args: { ...Loading.args, variant: 'compact' } };

/** The compact list after a failed load: the same reader-facing message and retry. */
export const CompactErrorState: Story = { name: 'Compact error', args: { ...ErrorState.args, variant: 'compact' } };

/** The compact list of an empty listing. */
export const CompactEmpty: Story = { args: { papers: [], variant: 'compact' } };

/** The compact list when a search matches nothing. */
export const CompactNoMatch: Story = {
  args: { ...daily, variant: 'compact', showSearch: true, initialQuery: 'basket weaving' },
};

/** Compact with thumbnails in a phone-width sidebar. */
export const CompactMobile: Story = {
  args: { papers: papersWithThumbnails, now: DAILY_NOW, variant: 'compact', showThumbnails: true, limit: 6 },
  decorators: phoneColumn,
};

/** Full cards with thumbnails (`showThumbnails`). */
export const CardsWithThumbnails: Story = {
  args: { papers: papersWithThumbnails, now: DAILY_NOW, showThumbnails: true, limit: 4 },
};

/** Which real Daily Papers listing each period asks Hugging Face for, here served from the bundled fixtures. */
const FIXTURE_FOR = (url: URL): string =>
  url.searchParams.get('sort') === 'trending'
    ? '2026-08-21'
    : url.searchParams.has('week')
      ? '2026-04-03'
      : url.searchParams.has('month')
        ? '2025-10-23'
        : '2025-10-08';

/**
 * With a `client`, readers switch between Today, This week, This month and Trending; `period` sets the start.
 * The real client runs; its `fetch` answers each request with a real Hugging Face API day from the fixtures.
 */
export const Periods: Story = {
  args: {
    now: DAILY_NOW,
    showThumbnails: false,
    period: 'week',
    limit: 5,
    client: createClient({
      fetch: (input) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        return fetch(`fixtures/hf-api/${FIXTURE_FOR(url)}.json`);
      },
    }),
  },
};

/**
 * The client could not reach Hugging Face and answered from its bundled snapshot (`fallback: 'snapshot'`):
 * the widget says so, discreetly, with the saved listing's day.
 */
export const SavedPapersFallback: Story = {
  args: {
    now: DAILY_NOW,
    showThumbnails: false,
    limit: 5,
    client: createClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      fallback: 'snapshot',
      retry: { limit: 0 },
      // The client also tells the site owner once on the console; the story shows what readers see.
      onWarning: false,
    }),
  },
};
