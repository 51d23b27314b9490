/**
 * The one place where a `Paper` becomes what the widget shows: pure functions, no React, no DOM, so they
 * are tested directly and behave identically on the server and in the browser.
 */
import type { Paper, SearchMatch } from '@papertrend/core';
import { texToUnicode } from '@papertrend/core/tex';

export interface PaperLinkView {
  kind: 'code' | 'project' | 'pdf' | 'abstract';
  href: string;
}

export interface PaperView {
  id: string;
  /** The title as the source wrote it, TeX included (rendered by `RichText`). */
  title: string;
  /** The title as plain Unicode text, for attributes and names (`title=`, `aria-label`, `alt`). */
  titleText: string;
  /** The title's link target: the paper's page, else its abstract page. Absent when neither is safe. */
  href?: string;
  /** Names shown, in order. */
  authors: string[];
  /** How many more authors there are than `authors` shows ("+N"). */
  moreAuthors: number;
  /** ISO date for `<time dateTime>`, and the same date as people read it; `featured` when it is the day Hugging Face featured the paper. */
  date?: { iso: string; label: string; relative: string; featured: boolean };
  /** The organisation the paper is listed under on Hugging Face (`Google`), and who submitted it (`AK`). */
  organization?: string;
  submitter?: string;
  upvotes?: number;
  comments?: number;
  githubStars?: number;
  links: PaperLinkView[];
  abstract?: string;
  aiSummary?: string;
  keywords: string[];
  /** A preview image: `links.thumbnail`, else the first image of `media`; http(s) only. */
  thumbnail?: string;
}

const PLAIN_HTTP_URL = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*[/?#][\x21-\x7e]*$/;

/** Only http(s) URLs ever become links, even if something upstream let another scheme through. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // Nearly every link a listing holds already has this plain shape: an http(s) scheme, a lower-case host and
  // printable ASCII after it, which the URL parser would hand back unchanged. Parsing each of a card's five
  // or six links was the largest single cost of a first render, so only other shapes are parsed.
  if (PLAIN_HTTP_URL.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const warnedLocales = new Set<string>();
const canonicalLocales = new Map<string, string | undefined>();

/*
 * Intl formatters are costly to build (a locale lookup and data load each time, tens of microseconds) and
 * cheap to reuse, and a listing formats several numbers and dates per card: build each one once per locale.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string | undefined,
  make: () => T,
): T {
  const key = `${kind} ${locale ?? ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * `locale` if `Intl` accepts it, else `undefined` (the runtime's default) with one console warning per value:
 * a typo in a `locale` prop or attribute (`"en_US"`, `"xx-"`) must not throw `RangeError` in the middle of a
 * server render and leave the page without its widget.
 */
export function usableLocale(locale: string | undefined): string | undefined {
  if (locale === undefined || locale === '') return undefined;
  if (canonicalLocales.has(locale)) return canonicalLocales.get(locale);
  try {
    const canonical = Intl.getCanonicalLocales(locale)[0];
    canonicalLocales.set(locale, canonical);
    return canonical;
  } catch {
    if (!warnedLocales.has(locale)) {
      warnedLocales.add(locale);
      console.warn(
        `papertrend: ${JSON.stringify(locale)} is not a valid locale (a BCP 47 tag such as "en" or "de-CH"); using the default locale.`,
      );
    }
    return undefined;
  }
}

/** "3 days ago", in the reader's language. `now` is passed in so server and client render the same text. */
export function relativeTime(iso: string, now: number, locale?: string): string {
  const delta = Date.parse(iso) - now;
  const usable = usableLocale(locale);
  const format = cachedFormatter('relative', usable, () => new Intl.RelativeTimeFormat(usable, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return format.format(0, 'minute');
}

export interface ViewOptions {
  locale?: string;
  /** Reference time for relative dates (default: now). */
  now?: number;
  /** Show at most this many author names (default 3). */
  maxAuthors?: number;
  /**
   * Which date to show: `published` (default: the arXiv date, else the day it was featured) or `featured`
   * (the day Hugging Face featured it, else the arXiv date) — for listings of a day, week or month.
   */
  date?: 'published' | 'featured';
  /** Show at most this many keywords (default 4). */
  maxKeywords?: number;
}

export function toPaperView(paper: Paper, options: ViewOptions = {}): PaperView {
  const maxAuthors = options.maxAuthors ?? 3;
  const names = paper.authors?.map((author) => author.name) ?? [];
  const total = Math.max(paper.authorCount ?? 0, names.length);
  const shown = names.slice(0, maxAuthors);
  const view: PaperView = {
    id: paper.id,
    title: paper.title,
    titleText: texToUnicode(paper.title),
    authors: shown.map(texToUnicode),
    moreAuthors: total - shown.length,
    links: [],
    keywords: (paper.keywords ?? []).slice(0, options.maxKeywords ?? 4),
  };
  const href = safeHref(paper.links.page) ?? safeHref(paper.links.abstract);
  if (href) view.href = href;
  const iso =
    options.date === 'featured' ? (paper.featuredAt ?? paper.publishedAt) : (paper.publishedAt ?? paper.featuredAt);
  if (iso && !Number.isNaN(Date.parse(iso))) {
    const locale = usableLocale(options.locale);
    const label = cachedFormatter(
      'date',
      locale,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    ).format(new Date(iso));
    const relative = relativeTime(iso, options.now ?? Date.now(), locale);
    view.date = { iso, label, relative, featured: iso === paper.featuredAt && iso !== paper.publishedAt };
  }
  const organization = paper.organization?.fullname || paper.organization?.name;
  if (organization) view.organization = organization;
  const submitter = paper.submitter?.fullname || paper.submitter?.name;
  if (submitter) view.submitter = submitter;
  if (paper.metrics.upvotes !== undefined) view.upvotes = paper.metrics.upvotes;
  if (paper.metrics.comments !== undefined) view.comments = paper.metrics.comments;
  if (paper.metrics.githubStars !== undefined) view.githubStars = paper.metrics.githubStars;
  // Code, project and PDF: the title already leads to the paper's page, which links its abstract. The arXiv
  // page is offered only when there is no PDF, so a card is a few Tab stops, not six.
  for (const kind of ['code', 'project', 'pdf', 'abstract'] as const) {
    const link = safeHref(paper.links[kind]);
    if (kind === 'abstract' && view.links.some((shown) => shown.kind === 'pdf')) continue;
    if (link && link !== href) view.links.push({ kind, href: link });
  }
  if (paper.abstract) view.abstract = paper.abstract;
  if (paper.aiSummary) view.aiSummary = paper.aiSummary;
  const thumbnail =
    safeHref(paper.links.thumbnail) ?? safeHref(paper.media?.find((media) => media.type === 'image')?.url);
  if (thumbnail) view.thumbnail = thumbnail;
  return view;
}

/** A day as the reader's locale writes it briefly ("21 Aug", "Aug 21"), or `undefined` for no or no valid date. */
export function shortDay(iso: string | undefined, locale?: string): string | undefined {
  if (iso === undefined || Number.isNaN(Date.parse(iso))) return undefined;
  const usable = usableLocale(locale);
  return cachedFormatter(
    'day',
    usable,
    () => new Intl.DateTimeFormat(usable, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).format(new Date(iso));
}

/** Pieces of `text` to render: plain strings and highlighted ones, from a search match's ranges. */
export function highlightPieces(
  text: string,
  ranges: SearchMatch['ranges'] | undefined,
): { text: string; mark: boolean }[] {
  if (!ranges || ranges.length === 0) return [{ text, mark: false }];
  const pieces: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (end <= at || start >= text.length) continue;
    const from = Math.max(start, at);
    if (from > at) pieces.push({ text: text.slice(at, from), mark: false });
    pieces.push({ text: text.slice(from, Math.min(end, text.length)), mark: true });
    at = Math.min(end, text.length);
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/** Compact counts as people read them: 1234 → "1.2K" in English. */
export function formatCount(value: number, locale?: string): string {
  const usable = usableLocale(locale);
  return cachedFormatter(
    'count',
    usable,
    () => new Intl.NumberFormat(usable, { notation: 'compact', maximumFractionDigits: 1 }),
  ).format(value);
}

/** What readers can switch between when the widget has a client: a day, a week, a month, or trending. */
export type Period = 'day' | 'week' | 'month' | 'trending';

/**
 * The Daily Papers request for a period at `now` (UTC, as Hugging Face's days are): `{}` is the latest day,
 * `{ week: '2026-W48' }` the ISO week, `{ month: '2026-11' }` the month. `trending` has no daily request.
 */
export function periodRequest(period: Exclude<Period, 'trending'>, now: number): { week?: string; month?: string } {
  const day = new Date(now);
  if (period === 'month') return { month: day.toISOString().slice(0, 7) };
  if (period === 'day') return {};
  // ISO 8601: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
  const thursday = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7),
  );
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / 604_800_000) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}` };
}
