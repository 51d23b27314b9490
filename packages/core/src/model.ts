import * as z from 'zod/mini';
import { isHttpUrl, normalizeArxivId } from './parse/normalize.js';

/** The first and last instants a four-digit year can write in UTC: what every feed and date format carries. */
export const EARLIEST_DATE = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An http(s) URL, already normalised (no surrounding or embedded whitespace, absolute).
 * Sources never put another scheme into a `Paper`: `javascript:`, `data:` and friends are dropped and reported.
 */
export const HttpUrlSchema = z
  .string()
  .check(z.refine(isHttpUrl, 'expected an absolute http(s) URL without spaces, control or bidi characters'));

/**
 * An arXiv id without version, as arXiv writes it (`2106.09685`, `math/0611800`). Checked by its grammar:
 * the id travels into URLs, BibTeX `eprint` fields and file names, so a saved file cannot put text there.
 */
export const ArxivIdSchema = z
  .string()
  .check(z.refine((text) => normalizeArxivId(text) === text, 'expected an arXiv id without version (2106.09685)'));

/** An ISO-8601 timestamp (`2024-05-24T17:34:15.000Z`) or a calendar day (`2024-05-24`). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
/**
 * Is `text` an ISO-8601 date or timestamp that exists: the shape of `ISO_DATE_PATTERN` and a real calendar
 * day (no February 30th, no month 13), a real time of day (no leap second: `Date` cannot hold one, so it
 * would change on the way through), an offset within ±14:00, and an instant within years 0001–9999 in UTC
 * (`9999-12-31T23:59:59-14:00` is year 10000 there, which RSS and Atom cannot write).
 */
export function isIsoDate(text: string): boolean {
  // Every date of every paper passes here: one anchored test, then digits read at their fixed places.
  if (text.length > 40 || !ISO_DATE_PATTERN.test(text)) return false;
  const number = (from: number): number => (text.charCodeAt(from) - 48) * 10 + (text.charCodeAt(from + 1) - 48);
  const year = Number(text.slice(0, 4));
  const month = number(5);
  const day = number(8);
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (text.length === 10) return true;
  if (number(11) > 23 || number(14) > 59 || (text[16] === ':' && number(17) > 59)) return false;
  if (!text.endsWith('Z') && (number(text.length - 5) > 14 || number(text.length - 2) > 59)) return false;
  // Only the first and last years can be pushed out of range by an offset.
  if (year !== 1 && year !== 9999) return true;
  const time = Date.parse(text);
  return time >= EARLIEST_DATE && time <= LATEST_DATE;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const IsoDateSchema = z
  .string()
  .check(z.refine(isIsoDate, 'expected an ISO-8601 date that exists (YYYY-MM-DD, optionally with time and offset)'));

/** One author as the source names them. Authors a source marks as hidden are never included. */
export const AuthorSchema = z.object({
  /** Display name, whitespace-normalised. */
  name: z.string().check(z.minLength(1)),
  /** Hugging Face username when the author claimed the paper there. */
  hfUsername: z.optional(z.string()),
  /** Affiliations as the source lists them (arXiv). */
  affiliations: z.optional(z.array(z.string())),
});

/** A Hugging Face user or organisation attached to a paper (submitter, organisation). */
export const AccountSchema = z.object({
  /** The handle (`akhaliq`, `google`). */
  name: z.string().check(z.minLength(1)),
  /** The display name (`AK`, `Google`). */
  fullname: z.optional(z.string()),
  avatarUrl: z.optional(HttpUrlSchema),
});

/** Links of a paper. Every value is an http(s) URL. */
export const PaperLinksSchema = z.object({
  /** The paper's own page at its source (`https://huggingface.co/papers/2106.09685`). */
  page: z.optional(HttpUrlSchema),
  /** The arXiv abstract page, or the publisher's landing page. */
  abstract: z.optional(HttpUrlSchema),
  pdf: z.optional(HttpUrlSchema),
  /** Source code repository (usually GitHub). */
  code: z.optional(HttpUrlSchema),
  /** Project page / website. */
  project: z.optional(HttpUrlSchema),
  /** A preview image. */
  thumbnail: z.optional(HttpUrlSchema),
});

/** An image or video shown with a paper; `type` is read from the file's extension (`.mp4` is a video). */
export const MediaSchema = z.object({
  url: HttpUrlSchema,
  type: z.enum(['image', 'video']),
});

/**
 * Metrics as the source reports them. They are never summed across sources: a merged paper keeps the value
 * of the source that reported it.
 */
export const PaperMetricsSchema = z.object({
  /** Hugging Face upvotes. */
  upvotes: z.optional(z.int().check(z.nonnegative())),
  /** Number of comments in the source's discussion. */
  comments: z.optional(z.int().check(z.nonnegative())),
  /** GitHub stars of `links.code` (abbreviated counts such as `1.54k` are expanded, so approximate). */
  githubStars: z.optional(z.int().check(z.nonnegative())),
});

/**
 * The one model every source maps to. Plain JSON: dates are ISO strings, no class instances, so a `Paper`
 * can be cached, serialised into HTML, passed from a React Server Component and compared in tests.
 * Fields a source does not have are absent, never invented.
 */
export const PaperSchema = z.object({
  /**
   * Stable identity: the arXiv id without version (`2106.09685`, `math/0611800`) whenever one is known, so the
   * same paper has the same `id` in every source; otherwise a source-prefixed id (`text:3`).
   */
  id: z.string().check(z.minLength(1)),
  /** The arXiv id without version, when the paper is on arXiv. */
  arxivId: z.optional(ArxivIdSchema),
  /** The arXiv version this record describes (`2106.09685v2` → 2). */
  version: z.optional(z.int().check(z.positive())),
  /** Title with hard wraps and repeated spaces removed. Plain text: render it as text, never as HTML. */
  title: z.string().check(z.minLength(1)),
  /** Abstract with arXiv hard wraps joined; paragraphs are separated by a blank line. Plain text. */
  abstract: z.optional(z.string()),
  /** Authors in order, hidden ones left out. Absent when the source does not list them. */
  authors: z.optional(z.array(AuthorSchema)),
  /**
   * How many authors the paper has, when the source gives a count but not (all) the names: a page that prints
   * "12 authors", or Hugging Face listing authors who asked to be hidden (then it differs from `authors.length`).
   */
  authorCount: z.optional(z.int().check(z.nonnegative())),
  /** When the first version appeared (arXiv's `published`; Hugging Face `paper.publishedAt`). */
  publishedAt: z.optional(IsoDateSchema),
  /** When this version appeared (arXiv's `updated`). */
  updatedAt: z.optional(IsoDateSchema),
  /** When the paper was featured on Hugging Face Daily Papers. */
  featuredAt: z.optional(IsoDateSchema),
  links: PaperLinksSchema,
  metrics: PaperMetricsSchema,
  /** Images and videos shown with the paper (Hugging Face `mediaUrls`), http(s) only, in the source's order. */
  media: z.optional(z.array(MediaSchema)),
  /** A one-sentence machine-written summary (Hugging Face `ai_summary`). */
  aiSummary: z.optional(z.string()),
  /** Keywords (Hugging Face `ai_keywords`, arXiv categories are in `categories`). */
  keywords: z.optional(z.array(z.string())),
  /** arXiv categories, primary first. */
  categories: z.optional(z.array(z.string())),
  /** The organisation the paper is listed under on Hugging Face. */
  organization: z.optional(AccountSchema),
  /** Who submitted it to Hugging Face Daily Papers. */
  submitter: z.optional(AccountSchema),
  /** A publisher DOI (arXiv's own `10.48550/arXiv.*` DOIs are not kept: they are the arXiv id again). */
  doi: z.optional(z.string()),
  /** The author's comment on arXiv (`12 pages, 3 figures`). */
  comment: z.optional(z.string()),
  /** Where it was published, as arXiv's `journal_ref` says. */
  journalRef: z.optional(z.string()),
  /** Name of the source adapter that produced this record (`hf-api`, `hf-page-text`, …). */
  source: z.string().check(z.minLength(1)),
});

export type Author = z.infer<typeof AuthorSchema>;
export type Media = z.infer<typeof MediaSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type PaperLinks = z.infer<typeof PaperLinksSchema>;
export type PaperMetrics = z.infer<typeof PaperMetricsSchema>;
export type Paper = z.infer<typeof PaperSchema>;

/** Where in the input an issue was found. At least one of the fields is set. */
export interface IssuePosition {
  /** Index of the entry among the input's entries (0-based). */
  index?: number;
  /** 1-based line in text input. */
  line?: number;
  /** Path inside JSON input, e.g. `[3, "paper", "upvotes"]`. */
  path?: ReadonlyArray<string | number>;
}

/**
 * Something in the input that did not make it into a `Paper` as-is.
 * - `error`: the whole entry was left out (it is not among `papers`).
 * - `warning`: the entry became a `Paper`, but a field was dropped (an unsafe URL, say).
 */
export interface ListingIssue {
  severity: 'error' | 'warning';
  position: IssuePosition;
  /** What is wrong, in words a person understands. */
  message: string;
  /** The raw input that caused it, shortened to at most 200 characters. */
  snippet: string;
  /**
   * Set on notices that lose nothing, which `strict` does not count: `arxiv-missing-id` (arXiv answered an
   * id it does not have with an empty entry).
   */
  code?: string;
}

/** Keys in the order of a schema's shape; keys it does not name (a custom source's extras) after them. */
function inOrder<T extends object>(value: T, order: readonly string[]): T {
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let copied = 0;
  let present = 0;
  for (const key of order) {
    const field = record[key];
    if (field !== undefined) {
      out[key] = field;
      copied++;
    }
  }
  for (const key in record) if (record[key] !== undefined) present++;
  if (present !== copied) {
    for (const key of Object.keys(record)) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  }
  return out as T;
}

const PAPER_KEYS = Object.keys(PaperSchema.shape);
const AUTHOR_KEYS = Object.keys(AuthorSchema.shape);
const ACCOUNT_KEYS = Object.keys(AccountSchema.shape);
const LINK_KEYS = Object.keys(PaperLinksSchema.shape);
const MEDIA_KEYS = Object.keys(MediaSchema.shape);
const METRIC_KEYS = Object.keys(PaperMetricsSchema.shape);

/**
 * The paper with its keys, and those of its authors, links, metrics, media and accounts, in the model's one
 * order. Every source (through `parseListing`) and `mergeListings` return papers in this form, so the same
 * paper serialises to the same bytes whichever way it was read: a papers.json a scheduled job commits
 * changes only when its data does.
 */
export function canonicalPaper(paper: Paper): Paper {
  const out = inOrder(paper, PAPER_KEYS);
  out.links = inOrder(out.links, LINK_KEYS);
  out.metrics = inOrder(out.metrics, METRIC_KEYS);
  if (out.authors) out.authors = out.authors.map((author) => inOrder(author, AUTHOR_KEYS));
  if (out.media) out.media = out.media.map((item) => inOrder(item, MEDIA_KEYS));
  if (out.organization) out.organization = inOrder(out.organization, ACCOUNT_KEYS);
  if (out.submitter) out.submitter = inOrder(out.submitter, ACCOUNT_KEYS);
  return out;
}

/** Issue codes of notices: reported, but nothing was lost, so `strict` lets them pass. */
export const NOTICE_CODES: ReadonlySet<string> = new Set(['arxiv-missing-id']);

/** Facts about the listing as a whole. */
export interface ListingMeta {
  /** How many entries the input held (before de-duplication). `papers` + error issues + duplicates = entries. */
  entries: number;
  /** Entries that repeated an earlier one and were merged into it. */
  duplicates: number;
  /** The listing's date as the page shows it, e.g. `Mar 11` (pages print no year). */
  dateLabel?: string;
  /** The listing's calendar day when the source states it. */
  date?: string;
  /** Free-form facts a source adds (pagination, totals). */
  [key: string]: unknown;
}

/** The result of parsing one input. */
export interface Listing {
  papers: Paper[];
  issues: ListingIssue[];
  /** Name of the source that parsed the input. */
  format: string;
  meta: ListingMeta;
}
