'use client';
import type { Paper, SearchHit, SearchMatch, SearchSort } from '@papertrend/core';
import {
  type ChangeEvent,
  createElement,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { failureOf, type UsePapersOptions, usePaperSearch, usePapers } from './hooks.js';
import { defaultLabels, type Labels } from './labels.js';
import { formatCount, highlightPieces, type PaperView, type Period, shortDay, toPaperView } from './view.js';

/** The heading level of each card's title (the widget's own heading is one above). */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

function Highlighted({ text, ranges }: { text: string; ranges?: SearchMatch['ranges'] | undefined }): ReactNode {
  // React renders strings as text: paper text is never interpreted as HTML.
  return highlightPieces(text, ranges).map((piece, index) =>
    piece.mark ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional and never reorder
      <mark key={index} className="pt-mark">
        {piece.text}
      </mark>
    ) : (
      piece.text
    ),
  );
}

function rangesOf(matches: readonly SearchMatch[] | undefined, field: SearchMatch['field'], index?: number) {
  return matches?.find((match) => match.field === field && (index === undefined || match.index === index))?.ranges;
}

export interface PaperCardProps {
  paper: Paper;
  /** Highlight ranges from a search hit. */
  matches?: readonly SearchMatch[];
  labels?: Labels;
  locale?: string;
  /** Reference time for relative dates, so server and client agree. */
  now?: number;
  headingLevel?: HeadingLevel;
  onSelect?: (paper: Paper) => void;
  /** Show the paper's preview image (`links.thumbnail`, else its first image), lazily loaded. */
  showThumbnail?: boolean;
}

/** A preview image with its size stated up front, so nothing moves when it arrives. */
function Thumbnail({ src, alt, width }: { src: string; alt: string; width: number }): ReactNode {
  return (
    <img
      className="pt-thumb"
      src={src}
      alt={alt}
      width={width}
      height={Math.round((width * 9) / 16)}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
    />
  );
}

/** The title as a heading, linked to the paper's page when it has a safe one. */
function Title({
  view,
  paper,
  matches,
  headingLevel,
  onSelect,
}: {
  view: PaperView;
  paper: Paper;
  matches: readonly SearchMatch[] | undefined;
  headingLevel: HeadingLevel;
  onSelect: ((paper: Paper) => void) | undefined;
}): ReactNode {
  const title = <Highlighted text={view.title} ranges={rangesOf(matches, 'title')} />;
  return createElement(
    `h${headingLevel}`,
    { className: 'pt-title' },
    view.href ? (
      <a
        className="pt-title-link"
        href={view.href}
        rel="noopener noreferrer"
        target="_blank"
        onClick={onSelect ? () => onSelect(paper) : undefined}
      >
        {title}
      </a>
    ) : (
      title
    ),
  );
}

/** The date and upvotes of a paper, as both variants show them. */
function DateAndUpvotes({
  view,
  labels,
  locale,
}: {
  view: PaperView;
  labels: Labels;
  locale: string | undefined;
}): ReactNode {
  return (
    <>
      {view.date ? (
        <time className="pt-date" dateTime={view.date.iso} title={view.date.label}>
          {view.date.relative}
        </time>
      ) : null}
      {view.upvotes === undefined ? null : (
        <span className="pt-upvotes">{labels.upvotes(formatCount(view.upvotes, locale), view.upvotes)}</span>
      )}
    </>
  );
}

function useView(paper: Paper, locale: string | undefined, now: number | undefined) {
  return useMemo(
    () => toPaperView(paper, { ...(locale ? { locale } : {}), ...(now === undefined ? {} : { now }) }),
    [paper, locale, now],
  );
}

/** One paper: title link, authors, date, metrics, links, clamped abstract with an expand control. */
export function PaperCard({
  paper,
  matches,
  labels = defaultLabels,
  locale,
  now,
  headingLevel = 3,
  onSelect,
  showThumbnail,
}: PaperCardProps): ReactNode {
  const view = useView(paper, locale, now);
  const [expanded, setExpanded] = useState(false);
  const abstractId = useId();
  return (
    <article className="pt-card">
      {showThumbnail && view.thumbnail ? (
        <Thumbnail src={view.thumbnail} alt={labels.thumbnailAlt(view.title)} width={120} />
      ) : null}
      <Title view={view} paper={paper} matches={matches} headingLevel={headingLevel} onSelect={onSelect} />
      {view.authors.length > 0 || view.moreAuthors > 0 ? (
        <p className="pt-authors">
          {/* One text node unless a name is highlighted: 100 cards render ~600 fewer nodes. */}
          {matches?.some((match) => match.field === 'authors')
            ? view.authors.map((name, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two authors can share a name; the order never changes
                <span key={`${name}-${index}`} className="pt-author">
                  {index > 0 ? ', ' : ''}
                  {/* The names shown are the paper's first ones, so their index is the match's. */}
                  <Highlighted text={name} ranges={rangesOf(matches, 'authors', index)} />
                </span>
              ))
            : view.authors.join(', ')}
          {view.moreAuthors > 0 ? (
            <span className="pt-more-authors">
              {view.authors.length > 0 ? ' ' : ''}
              {labels.moreAuthors(view.moreAuthors)}
            </span>
          ) : null}
        </p>
      ) : null}
      <p className="pt-meta">
        <DateAndUpvotes view={view} labels={labels} locale={locale} />
        {view.comments === undefined ? null : (
          <span className="pt-comments">{labels.comments(formatCount(view.comments, locale), view.comments)}</span>
        )}
        {view.githubStars === undefined ? null : (
          <span className="pt-stars">{labels.stars(formatCount(view.githubStars, locale), view.githubStars)}</span>
        )}
        {view.links.map((link) => (
          <a
            key={link.kind}
            className={`pt-link pt-link-${link.kind}`}
            href={link.href}
            rel="noopener noreferrer"
            target="_blank"
          >
            {labels.links[link.kind]}
          </a>
        ))}
      </p>
      {view.aiSummary ? (
        <p className="pt-summary">
          <Highlighted text={view.aiSummary} ranges={rangesOf(matches, 'summary')} />
        </p>
      ) : null}
      {view.abstract ? (
        <>
          <p id={abstractId} className="pt-abstract" data-expanded={expanded ? 'true' : 'false'}>
            <Highlighted text={view.abstract} ranges={rangesOf(matches, 'abstract')} />
          </p>
          <button
            type="button"
            className="pt-expand"
            aria-expanded={expanded}
            aria-controls={abstractId}
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded ? labels.hideAbstract : labels.showAbstract}
          </button>
        </>
      ) : null}
      {view.keywords.length > 0 ? (
        <ul className="pt-keywords">
          {view.keywords.map((keyword, index) => (
            <li key={keyword} className="pt-keyword">
              <Highlighted text={keyword} ranges={rangesOf(matches, 'keywords', index)} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export interface PaperRowProps extends PaperCardProps {
  /** The paper's place in the list, from 1. */
  rank: number;
}

/** One paper in one or two lines: rank, title link, date and upvotes (the `compact` variant). */
export function PaperRow({
  paper,
  rank,
  matches,
  labels = defaultLabels,
  locale,
  now,
  headingLevel = 3,
  onSelect,
  showThumbnail,
}: PaperRowProps): ReactNode {
  const view = useView(paper, locale, now);
  return (
    <article className="pt-row">
      {/* The list is an <ol>: assistive technology already announces the position. */}
      <span className="pt-rank" aria-hidden="true">
        {rank}
      </span>
      <div className="pt-row-body">
        <Title view={view} paper={paper} matches={matches} headingLevel={headingLevel} onSelect={onSelect} />
        <p className="pt-meta">
          <DateAndUpvotes view={view} labels={labels} locale={locale} />
        </p>
      </div>
      {showThumbnail && view.thumbnail ? (
        <Thumbnail src={view.thumbnail} alt={labels.thumbnailAlt(view.title)} width={64} />
      ) : null}
    </article>
  );
}

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  labels?: Labels;
}

/** A labelled search input. It captures no global keys. */
export function SearchBox({ value, onChange, labels = defaultLabels }: SearchBoxProps): ReactNode {
  const id = useId();
  return (
    // No search landmark: pages often hold several widgets, and unnamed duplicate landmarks confuse more
    // than they help (axe's landmark-unique). The input is labelled and type="search".
    <div className="pt-search">
      <label className="pt-search-label" htmlFor={id}>
        {labels.searchLabel}
      </label>
      <input
        id={id}
        className="pt-search-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={labels.searchPlaceholder}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </div>
  );
}

/** Placeholders while papers load, shaped like the variant's items; the container carries `aria-busy`. */
export function PapersSkeleton({ count = 3, variant = 'card' }: { count?: number; variant?: Variant }): ReactNode {
  const compact = variant === 'compact';
  return (
    <ul className={compact ? 'pt-skeleton pt-compact' : 'pt-skeleton'} aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders
        <li key={index} className="pt-skeleton-card">
          <span className="pt-skeleton-line pt-skeleton-title" />
          {compact ? null : <span className="pt-skeleton-line" />}
          <span className="pt-skeleton-line pt-skeleton-short" />
        </li>
      ))}
    </ul>
  );
}

export interface PaperListProps extends Omit<PaperCardProps, 'paper' | 'matches'> {
  hits: readonly SearchHit[];
  /** `card` (default): every detail; `compact`: rank, title, date and upvotes. */
  variant?: Variant;
  renderPaper?: (hit: SearchHit) => ReactNode;
}

/** How much each paper shows: a full card, or a compact row. */
export type Variant = 'card' | 'compact';

/** A list of papers; ArrowUp/ArrowDown (and Home/End) move between their title links. */
export function PaperList({ hits, renderPaper, variant = 'card', ...cardProps }: PaperListProps): ReactNode {
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLOListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('.pt-title-link')];
    const current = links.indexOf(event.target as HTMLAnchorElement);
    if (current === -1) return;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? links.length - 1
          : Math.min(links.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    links[next]?.focus();
  }, []);
  return (
    <ol className={variant === 'compact' ? 'pt-list pt-compact' : 'pt-list'} onKeyDown={onKeyDown}>
      {hits.map((hit, index) => (
        <li key={hit.paper.id} className="pt-item">
          {renderPaper ? (
            renderPaper(hit)
          ) : variant === 'compact' ? (
            <PaperRow paper={hit.paper} matches={hit.matches} rank={index + 1} {...cardProps} />
          ) : (
            <PaperCard paper={hit.paper} matches={hit.matches} {...cardProps} />
          )}
        </li>
      ))}
    </ol>
  );
}

/** A labelled `<select>` of the toolbar; `options` maps each value to its label, in order. */
function Choice({
  className,
  label,
  value,
  options,
  onChange,
}: {
  className: string;
  label: string;
  value: string;
  options: Record<string, string>;
  onChange: (value: string) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className={`${className}-group`}>
      <label className={`${className}-label`} htmlFor={id}>
        {label}
      </label>
      <select id={id} className={className} value={value} onChange={(event) => onChange(event.target.value)}>
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface TrendingPapersProps extends UsePapersOptions {
  /** Papers shown per page; "show more" adds another page (default 20). */
  limit?: number;
  /** Starting query (uncontrolled). */
  initialQuery?: string;
  /** Controlled query; pair with `onQueryChange`. */
  query?: string;
  onQueryChange?: (query: string) => void;
  /** Initial sort: `relevance` is the listing's own order until a query is typed. */
  sort?: SearchSort;
  /**
   * `card` (default): every detail of each paper. `compact`: rank, title, date and upvotes in one or two
   * lines, for a sidebar or a docs page; it hides the search box and filters unless asked for.
   */
  variant?: Variant;
  /** Show each paper's preview image (lazy, with its size stated so nothing shifts). Default `false`. */
  showThumbnails?: boolean;
  /** Show the search box (default: `true` for cards, `false` for `compact`). */
  showSearch?: boolean;
  /** Show sort, "with code" and (with a client) the period picker (default: `true` for cards, `false` for `compact`). */
  showFilters?: boolean;
  /**
   * With a `client`: the papers shown first — `trending` (default), `day` (the latest Daily Papers day), `week`
   * or `month` (the current ISO week or month, UTC). Readers can switch between them.
   */
  period?: Period;
  /** `auto` follows the page (`prefers-color-scheme`, an ancestor `[data-theme=dark]` or `.dark`). */
  theme?: 'light' | 'dark' | 'auto';
  labels?: Partial<Labels>;
  locale?: string;
  headingLevel?: HeadingLevel;
  renderPaper?: (hit: SearchHit) => ReactNode;
  onSelect?: (paper: Paper) => void;
  /**
   * Called once per failed load with the error (its `message` names the URL and what went wrong). Readers
   * see a short message and a retry instead; the widget also logs one `console.warn` for the site owner.
   */
  onError?: (error: Error) => void;
  /** Reference time for relative dates (pass the server's time when rendering on the server). */
  now?: number;
  className?: string;
}

/** The trending-papers widget: search as you type, sort, states, paging. */
export function TrendingPapers(props: TrendingPapersProps): ReactNode {
  const {
    limit = 20,
    theme = 'auto',
    headingLevel = 3,
    variant = 'card',
    className,
    renderPaper,
    onSelect,
    locale,
    now,
  } = props;
  const showSearch = props.showSearch ?? variant === 'card';
  const showFilters = props.showFilters ?? variant === 'card';
  const labels = useMemo(() => ({ ...defaultLabels, ...props.labels }), [props.labels]);
  const [ownQuery, setOwnQuery] = useState(props.initialQuery ?? '');
  const query = props.query ?? ownQuery;
  const setQuery = (value: string): void => {
    if (props.query === undefined) setOwnQuery(value);
    props.onQueryChange?.(value);
  };
  const [sort, setSort] = useState<SearchSort>(props.sort ?? 'relevance');
  const [withCode, setWithCode] = useState(false);
  const [period, setPeriod] = useState<Period>(props.period ?? 'trending');
  // A new `period` prop is a new starting point, like a new initial query would be.
  useEffect(() => setPeriod(props.period ?? 'trending'), [props.period]);
  const [shown, setShown] = useState(limit);
  const loaded = usePapers({
    ...(props.papers ? { papers: props.papers } : {}),
    ...(props.src ? { src: props.src } : {}),
    ...(props.client ? { client: props.client } : {}),
    ...(props.load ? { load: props.load } : {}),
    ...(now === undefined ? {} : { now }),
    period,
  });
  const failed = loaded.status === 'error' ? loaded.error : undefined;
  const onError = useRef(props.onError);
  onError.current = props.onError;
  useEffect(() => {
    if (!failed) return;
    // The detail is for the site owner, once per failure; the reader sees labels.error and a hint.
    console.warn(`papertrend: could not load papers: ${failed.message}`);
    onError.current?.(failed);
  }, [failed]);
  // Nothing to filter when no paper has a code link (page text, arXiv): then the box is not offered.
  const anyCode = useMemo(() => loaded.papers.some((paper) => paper.links.code), [loaded.papers]);
  const codeOnly = withCode && anyCode;
  const filter = useMemo(() => (codeOnly ? { hasCode: true } : undefined), [codeOnly]);
  const hits = usePaperSearch(loaded.papers, query, { sort, ...(filter ? { filter } : {}) });
  const visible = hits.slice(0, shown);
  const cardProps = {
    labels,
    headingLevel,
    ...(locale ? { locale } : {}),
    ...(now === undefined ? {} : { now }),
    ...(onSelect ? { onSelect } : {}),
    ...(props.showThumbnails ? { showThumbnail: true } : {}),
  };

  let body: ReactNode;
  if (loaded.status === 'loading') body = <PapersSkeleton count={Math.min(limit, 3)} variant={variant} />;
  else if (loaded.status === 'error') {
    body = (
      <div className="pt-error" role="alert">
        <p>{labels.error}</p>
        <p className="pt-error-detail">{labels.errorHint[failureOf(loaded.error)]}</p>
        <button type="button" className="pt-button" onClick={loaded.retry}>
          {labels.retry}
        </button>
      </div>
    );
  } else if (loaded.papers.length === 0) body = <p className="pt-empty">{labels.empty}</p>;
  else if (hits.length === 0) {
    body = (
      <div className="pt-no-match">
        <p>{labels.noMatch(query)}</p>
        <button
          type="button"
          className="pt-button"
          onClick={() => {
            setQuery('');
            setWithCode(false);
          }}
        >
          {labels.clearSearch}
        </button>
      </div>
    );
  } else {
    body = (
      <>
        <PaperList hits={visible} variant={variant} {...(renderPaper ? { renderPaper } : {})} {...cardProps} />
        {hits.length > shown ? (
          <button type="button" className="pt-button pt-show-more" onClick={() => setShown((value) => value + limit)}>
            {labels.showMore(hits.length - shown)}
          </button>
        ) : null}
      </>
    );
  }

  return (
    <section
      className={className ? `pt-root ${className}` : 'pt-root'}
      data-pt-theme={theme}
      aria-busy={loaded.status === 'loading'}
    >
      {showSearch || showFilters ? (
        <div className="pt-toolbar">
          {showSearch ? <SearchBox value={query} onChange={setQuery} labels={labels} /> : null}
          {showFilters ? (
            <>
              {loaded.periods ? (
                <Choice
                  className="pt-period"
                  label={labels.periodLabel}
                  value={period}
                  options={labels.periods}
                  onChange={(value) => setPeriod(value as Period)}
                />
              ) : null}
              <Choice
                className="pt-sort"
                label={labels.sortLabel}
                value={sort}
                options={labels.sorts}
                onChange={(value) => setSort(value as SearchSort)}
              />
              {anyCode ? (
                <label className="pt-code-filter">
                  <input type="checkbox" checked={withCode} onChange={(event) => setWithCode(event.target.checked)} />
                  {labels.withCode}
                </label>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      {loaded.saved ? <p className="pt-note">{labels.savedPapers(shortDay(loaded.saved.date, locale))}</p> : null}
      <p className="pt-count" aria-live="polite">
        {loaded.status === 'ready' && loaded.papers.length > 0
          ? labels.resultCount(hits.length, loaded.papers.length)
          : ''}
      </p>
      {body}
    </section>
  );
}
