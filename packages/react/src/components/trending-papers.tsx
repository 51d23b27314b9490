'use client';
import type { Paper, SearchHit, SearchSort } from '@papertrend/core';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { failureOf } from '../hooks/load-src.js';
import { usePaperSearchPage } from '../hooks/use-paper-search.js';
import { type UsePapersOptions, usePapers } from '../hooks/use-papers.js';
import { useTrendingPapersState } from '../hooks/use-trending-papers-state.js';
import { defaultLabels, type Labels } from '../labels.js';
import { type Period, shortDay } from '../view.js';
import { Choice } from './choice.js';
import type { PaperCardProps } from './paper-card.js';
import { PaperList } from './paper-list.js';
import { PapersSkeleton } from './papers-skeleton.js';
import { SearchBox } from './search-box.js';
import type { HeadingLevel, SummaryChoice, Variant } from './types.js';

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
  /**
   * Show each paper's preview image where it has one (lazy, with its size stated so nothing shifts; an image
   * that fails to load is removed). Default: `true` for cards, `false` for `compact`.
   */
  showThumbnails?: boolean;
  /** Where preview images load from: your proxy or own copies of Hugging Face's (see `PaperCardProps`). */
  thumbnailSrc?: PaperCardProps['thumbnailSrc'];
  /** Show the search box (default: `true` for cards, `false` for `compact`). */
  showSearch?: boolean;
  /** Show sort, "with code" and (with a client) the period picker (default: `true` for cards, `false` for `compact`). */
  showFilters?: boolean;
  /** Which text each card shows first: Hugging Face's labelled `ai` summary (default) or the authors' `abstract`. */
  summary?: SummaryChoice;
  /**
   * With a `client`: the papers shown first — `trending` (default), `day` (the latest Daily Papers day), `week`
   * or `month` (the current ISO week or month, UTC). Readers can switch between them.
   */
  period?: Period;
  /**
   * `auto` (default) follows the page's theme (`[data-theme=dark]` or `.dark` on an ancestor), else the
   * reader's OS (`prefers-color-scheme`). `page` follows the page's theme only: light on a page that has no
   * dark theme, whatever the OS. `light` and `dark` are fixed.
   */
  theme?: 'light' | 'dark' | 'auto' | 'page';
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
  const { limit = 20, theme = 'auto', headingLevel = 3, variant = 'card', className, renderPaper } = props;
  const showSearch = props.showSearch ?? variant === 'card';
  const showFilters = props.showFilters ?? variant === 'card';
  const labels = useMemo(() => ({ ...defaultLabels, ...props.labels }), [props.labels]);
  const state = useTrendingPapersState({ ...props, limit });
  const { query, sort, withCode, period, shown } = state;
  const loaded = usePapers({ ...props, period });
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
  // Only the cards shown are ranked; the rest are counted for the status line and "Show more".
  const { hits: visible, total } = usePaperSearchPage(loaded.papers, query, {
    sort,
    limit: shown,
    ...(filter ? { filter } : {}),
  });

  // "Show more" moves focus to the first paper it added, not to <body> where the button was.
  const list = useRef<HTMLDivElement>(null);
  const focusFrom = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusFrom.current === undefined) return;
    const links = list.current?.querySelectorAll<HTMLElement>('.pt-item');
    const first = links?.[focusFrom.current];
    focusFrom.current = undefined;
    (first?.querySelector<HTMLElement>('.pt-title-link, a, button') ?? first)?.focus();
  });

  const cardProps: Omit<PaperCardProps, 'paper'> = {
    labels,
    headingLevel,
    showThumbnail: props.showThumbnails ?? variant === 'card',
    // A day, week or month of Daily Papers is about when papers were featured; trending, about the papers.
    date: loaded.periods && period !== 'trending' ? 'featured' : 'published',
  };
  if (props.summary) cardProps.summary = props.summary;
  if (props.locale) cardProps.locale = props.locale;
  if (props.now !== undefined) cardProps.now = props.now;
  if (props.onSelect) cardProps.onSelect = props.onSelect;
  if (props.thumbnailSrc) cardProps.thumbnailSrc = props.thumbnailSrc;

  let body: ReactNode;
  if (loaded.status === 'loading') body = <PapersSkeleton count={Math.min(limit, 3)} variant={variant} />;
  else if (loaded.status === 'error') {
    const failure = failureOf(loaded.error);
    body = (
      <div className="pt-error" role="alert">
        <p>{labels.error}</p>
        <p className="pt-error-detail">{labels.errorHint[failure]}</p>
        {/* A refused request (a wrong `src`) fails the same way again: no button that cannot help. */}
        {failure === 'refused' ? null : (
          <button type="button" className="pt-button" onClick={loaded.retry}>
            {labels.retry}
          </button>
        )}
      </div>
    );
  } else if (loaded.papers.length === 0) body = <p className="pt-empty">{labels.empty}</p>;
  else if (total === 0) {
    body = (
      <div className="pt-no-match">
        <p>{labels.noMatch(query)}</p>
        <button type="button" className="pt-button" onClick={state.clear}>
          {labels.clearSearch}
        </button>
      </div>
    );
  } else {
    body = (
      <div ref={list}>
        <PaperList hits={visible} variant={variant} {...(renderPaper ? { renderPaper } : {})} {...cardProps} />
        {total > shown ? (
          <button
            type="button"
            className="pt-button pt-show-more"
            onClick={() => {
              focusFrom.current = shown;
              state.showMore();
            }}
          >
            {labels.showMore(total - shown)}
          </button>
        ) : null}
      </div>
    );
  }

  const ready = loaded.status === 'ready' && loaded.papers.length > 0;
  // Controls are for papers: none over an error or while loading.
  const toolbar = (showSearch || showFilters) && loaded.status !== 'error';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> groups form controls; this groups a listing
    <section
      className={className ? `pt-root ${className}` : 'pt-root'}
      data-pt-theme={theme}
      // A named group, not a region landmark: a page often holds several widgets, and landmarks must be unique.
      role="group"
      aria-label={labels.region}
      aria-busy={loaded.status === 'loading'}
    >
      {toolbar ? (
        <div className="pt-toolbar">
          {showSearch ? <SearchBox value={query} onChange={state.setQuery} labels={labels} /> : null}
          {showFilters ? (
            <>
              {loaded.periods ? (
                <Choice
                  className="pt-period"
                  label={labels.periodLabel}
                  value={period}
                  options={labels.periods}
                  onChange={(value) => state.setPeriod(value as Period)}
                />
              ) : null}
              <Choice
                className="pt-sort"
                label={labels.sortLabel}
                value={sort}
                options={labels.sorts}
                onChange={(value) => state.setSort(value as SearchSort)}
              />
              {anyCode ? (
                <label className="pt-code-filter">
                  <input
                    type="checkbox"
                    checked={withCode}
                    onChange={(event) => state.setWithCode(event.target.checked)}
                  />
                  {labels.withCode}
                </label>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      {loaded.saved ? <p className="pt-note">{labels.savedPapers(shortDay(loaded.saved.date, props.locale))}</p> : null}
      {/* One status line, live from the first render: loading, then the count. Without a toolbar the count
          has nothing to count against and is said, not shown. */}
      <p className={toolbar ? 'pt-count' : 'pt-count pt-sr'} aria-live="polite">
        {loaded.status === 'loading' ? labels.loading : ready ? labels.resultCount(total, loaded.papers.length) : ''}
      </p>
      {body}
    </section>
  );
}
