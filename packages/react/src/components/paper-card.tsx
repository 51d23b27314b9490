'use client';
import type { Paper, SearchMatch } from '@papertrend/core';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { defaultLabels, type Labels } from '../labels.js';
import { formatCount, type PaperView, toPaperView, type ViewOptions } from '../view.js';
import { Icon } from './icons.js';
import { RichText } from './rich-text.js';
import { Thumbnail } from './thumbnail.js';
import { rangesOf, Title } from './title.js';
import type { HeadingLevel, SummaryChoice } from './types.js';

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
  /** Show the paper's preview image where it has one (`links.thumbnail`, else its first image), lazily. Default `true`. */
  showThumbnail?: boolean;
  /**
   * The address to load a paper's preview image from, given its own (`https://cdn-thumbnails.huggingface.co/…`):
   * your image proxy or self-hosted copy, for a CSP `img-src` or readers' privacy; `undefined` shows none.
   */
  thumbnailSrc?: (url: string, paper: Paper) => string | undefined;
  /** Which text a card shows first: the labelled `ai` summary (default, where there is one) or the `abstract`. */
  summary?: SummaryChoice;
  /** Which date to show (see `ViewOptions.date`). */
  date?: ViewOptions['date'];
  /**
   * `false`: no "More" button, and the first text shown whole. For cards that run no JavaScript, such as the
   * static cards the Markdown plugins write. Default `true`.
   */
  expandable?: boolean;
}

const viewCache = new WeakMap<Paper, { key: string; view: PaperView }>();

export function useView(
  paper: Paper,
  locale: string | undefined,
  now: number | undefined,
  date?: ViewOptions['date'],
): PaperView {
  return useMemo(() => {
    // Typing brings the same papers back again and again, as new cards: their views are kept per paper
    // (relative dates without a fixed `now` are good for the minute they were made in).
    const key = `${locale ?? ''}\u0000${now ?? Math.floor(Date.now() / 60_000)}\u0000${date ?? ''}`;
    const cached = viewCache.get(paper);
    if (cached?.key === key) return cached.view;
    const options: ViewOptions = {};
    if (locale) options.locale = locale;
    if (now !== undefined) options.now = now;
    if (date) options.date = date;
    const view = toPaperView(paper, options);
    viewCache.set(paper, { key, view });
    return view;
  }, [paper, locale, now, date]);
}

/** The date as both variants show it: relative, with the full date as a tooltip. */
export function PaperDate({ view, labels }: { view: PaperView; labels: Labels }): ReactNode {
  if (!view.date) return null;
  return (
    <time className="pt-date" dateTime={view.date.iso} title={view.date.label}>
      {view.date.featured ? labels.featured(view.date.relative) : view.date.relative}
    </time>
  );
}

/** The number people read, and the sentence a screen reader says ("1.2K upvotes"). */
function Count({
  value,
  locale,
  say,
}: {
  value: number;
  locale: string | undefined;
  /** The label that says it (`labels.upvotes`, `labels.comments`, `labels.stars`). */
  say: (formatted: string, value: number) => string;
}): ReactNode {
  const formatted = formatCount(value, locale);
  return (
    <>
      <span aria-hidden="true">{formatted}</span>
      <span className="pt-sr">{say(formatted, value)}</span>
    </>
  );
}

/** The boxed upvote count readers know from the Daily Papers page. */
export function Upvotes({ view, labels, locale }: { view: PaperView; labels: Labels; locale?: string | undefined }) {
  if (view.upvotes === undefined) return null;
  return (
    <p className="pt-votes">
      <Icon name="upvote" />
      <Count value={view.upvotes} locale={locale} say={labels.upvotes} />
    </p>
  );
}

/** A text block: the AI summary always carries its label; the abstract carries one when both are open. */
function CardText({
  kind,
  view,
  labels,
  matches,
  labelled,
}: {
  kind: SummaryChoice;
  view: PaperView;
  labels: Labels;
  matches: readonly SearchMatch[] | undefined;
  labelled: boolean;
}): ReactNode {
  const ai = kind === 'ai';
  return (
    <p className={ai ? 'pt-summary' : 'pt-abstract'}>
      {ai || labelled ? (
        <span className="pt-text-label">
          {ai ? <Icon name="sparkle" /> : null}
          {ai ? labels.aiSummary : labels.abstract}
        </span>
      ) : null}
      <RichText
        text={(ai ? view.aiSummary : view.abstract) ?? ''}
        ranges={rangesOf(matches, ai ? 'summary' : 'abstract')}
      />
    </p>
  );
}

const laidOut = new Map<Element, () => void>();
let observer: ResizeObserver | undefined;

/**
 * Calls `measure` each time `element` is laid out at a new size. One observer serves every card: its
 * callbacks come after layout, so measuring forces none, and a card outside the viewport (skipped by
 * `content-visibility`) is measured when it is first shown, not at mount.
 */
function whenLaidOut(element: Element, measure: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') {
    measure();
    return () => {};
  }
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) laidOut.get(entry.target)?.();
  });
  laidOut.set(element, measure);
  observer.observe(element);
  return () => {
    laidOut.delete(element);
    observer?.unobserve(element);
  };
}

/** Longer than this, a text is expected to pass its three lines until it is measured in the browser. */
const LIKELY_CLAMPED = 220;

/**
 * One paper, shaped like the Daily Papers page: the upvote box, title, authors, organisation and submitter,
 * date and comments, one text (a labelled AI summary, or the abstract) with a single "More" that opens the
 * rest and the other text, links with icons, keywords, and the thumbnail where there is one.
 */
export function PaperCard({
  paper,
  matches,
  labels = defaultLabels,
  locale,
  now,
  headingLevel = 3,
  onSelect,
  showThumbnail = true,
  thumbnailSrc,
  summary = 'ai',
  date,
  expandable = true,
}: PaperCardProps): ReactNode {
  const view = useView(paper, locale, now, date);
  const [open, setExpanded] = useState(false);
  // A card that cannot expand shows its first text whole, as an open card does, but not the other text.
  const expanded = open || !expandable;
  const titleId = useId();
  const textId = useId();
  // A search that matched only the other text shows that one first, so the reader sees why the paper is here.
  const matchedIn = (field: SearchMatch['field']) => matches?.some((match) => match.field === field) ?? false;
  const wanted: SummaryChoice =
    matchedIn('abstract') && !matchedIn('summary')
      ? 'abstract'
      : matchedIn('summary') && !matchedIn('abstract')
        ? 'ai'
        : summary;
  const primary: SummaryChoice | undefined =
    (wanted === 'ai' && view.aiSummary) || !view.abstract ? (view.aiSummary ? 'ai' : undefined) : 'abstract';
  const other: SummaryChoice | undefined =
    primary === 'ai' ? (view.abstract ? 'abstract' : undefined) : primary && view.aiSummary ? 'ai' : undefined;
  const text = useRef<HTMLDivElement>(null);
  const primaryText = (primary === 'ai' ? view.aiSummary : view.abstract) ?? '';
  const [clamped, setClamped] = useState(primaryText.length > LIKELY_CLAMPED);
  // With a second text there is always more to read. With one, "More" is offered only where its three lines
  // cut it: measured when the browser lays the card out (a card scrolled to later is measured then).
  useEffect(() => {
    const block = text.current?.firstElementChild;
    if (!block || other || expanded) return undefined;
    return whenLaidOut(block, () => setClamped(block.scrollHeight > block.clientHeight + 1));
  }, [expanded, other]);
  const authorsMatched = matches?.some((match) => match.field === 'authors');
  const byline = [view.organization, view.submitter && labels.submittedBy(view.submitter)].filter(Boolean);
  return (
    <article className="pt-card" aria-labelledby={titleId}>
      <Upvotes view={view} labels={labels} locale={locale} />
      <div className="pt-card-body">
        {showThumbnail ? (
          <Thumbnail view={view} paper={paper} rewrite={thumbnailSrc} labels={labels} width={160} />
        ) : null}
        <Title
          id={titleId}
          view={view}
          paper={paper}
          matches={matches}
          headingLevel={headingLevel}
          onSelect={onSelect}
        />
        {view.authors.length > 0 || view.moreAuthors > 0 ? (
          <p className="pt-authors">
            {authorsMatched
              ? view.authors.map((name, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two authors can share a name; the order never changes
                  <span key={`${name}-${index}`} className="pt-author">
                    {index > 0 ? ', ' : ''}
                    {/* The names shown are the paper's first ones, so their index is the match's. */}
                    <RichText text={name} ranges={rangesOf(matches, 'authors', index)} />
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
          <PaperDate view={view} labels={labels} />
          {byline.map((part) => (
            <span key={part as string} className="pt-byline">
              {part}
            </span>
          ))}
          {view.comments === undefined ? null : (
            <span className="pt-comments">
              <Icon name="comment" />
              <Count value={view.comments} locale={locale} say={labels.comments} />
            </span>
          )}
        </p>
        {primary ? (
          <div ref={text} id={textId} className="pt-text" data-expanded={expanded ? 'true' : 'false'}>
            <CardText kind={primary} view={view} labels={labels} matches={matches} labelled={open && !!other} />
            {open && other ? <CardText kind={other} view={view} labels={labels} matches={matches} labelled /> : null}
          </div>
        ) : null}
        {expandable && primary && (clamped || other || expanded) ? (
          <button
            type="button"
            className="pt-expand"
            aria-expanded={expanded}
            aria-controls={textId}
            aria-describedby={titleId}
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded ? labels.less : labels.more}
          </button>
        ) : null}
        {view.links.length > 0 ? (
          <div className="pt-card-footer">
            {view.links.map((link) => (
              <a
                key={link.kind}
                className={`pt-link pt-link-${link.kind}`}
                href={link.href}
                rel="noopener noreferrer"
                target="_blank"
                // "Code", "PDF": the paper's title completes each link's name for screen readers (WCAG 2.4.4).
                aria-describedby={titleId}
              >
                <Icon name={link.kind} />
                {labels.links[link.kind]}
                {link.kind === 'code' && view.githubStars !== undefined ? (
                  <span className="pt-stars">
                    <Icon name="star" />
                    <Count value={view.githubStars} locale={locale} say={labels.stars} />
                  </span>
                ) : null}
              </a>
            ))}
          </div>
        ) : null}
        {view.keywords.length > 0 ? (
          <ul className="pt-keywords">
            {view.keywords.map((keyword, index) => (
              <li key={keyword} className="pt-keyword">
                <RichText text={keyword} ranges={rangesOf(matches, 'keywords', index)} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
