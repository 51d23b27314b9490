/**
 * Hugging Face papers JSON API: `/api/daily_papers` and `/api/papers/search` (arrays of daily-paper
 * entries `{ paper, publishedAt, title, numComments, … }`) and `/api/papers/{id}` (one bare paper object).
 * The raw schemas below list only the fields we read; unknown fields are ignored, missing ones are omitted
 * (the API omits rather than sends null).
 */
import * as z from 'zod/mini';
import { ListingFormatError } from '../errors.js';
import type { Account, Author, Paper } from '../model.js';
import { cleanLine, cleanParagraphs, parseArxivId, wellFormed } from '../parse/normalize.js';
import { defineSource, type ParseContext, type SourceResult } from '../parse/source.js';
import { validateEntry } from '../parse/validate-entry.js';

export const HF_ORIGIN = 'https://huggingface.co';

const RawUserSchema = z.object({
  user: z.optional(z.string()),
  name: z.optional(z.string()),
  fullname: z.optional(z.string()),
  avatarUrl: z.optional(z.string()),
});

const RawAuthorSchema = z.object({
  name: z.string(),
  hidden: z.optional(z.boolean()),
  user: z.optional(z.object({ user: z.optional(z.string()) })),
});

const RawOrganizationSchema = z.object({
  name: z.string(),
  fullname: z.optional(z.string()),
  avatar: z.optional(z.string()),
});

const count = z.int().check(z.nonnegative());
const nonBlank = z.string().check(z.regex(/\S/, 'expected text, got an empty string'));

/** A paper object as `/api/papers/{id}` returns it and as daily entries nest it under `paper`. */
export const HfRawPaperSchema = z.object({
  id: nonBlank,
  title: nonBlank,
  summary: z.optional(z.string()),
  authors: z.optional(z.array(RawAuthorSchema)),
  publishedAt: z.optional(z.string()),
  submittedOnDailyAt: z.optional(z.string()),
  submittedOnDailyBy: z.optional(RawUserSchema),
  upvotes: z.optional(count),
  numComments: z.optional(count),
  githubRepo: z.optional(z.string()),
  githubStars: z.optional(count),
  projectPage: z.optional(z.string()),
  ai_summary: z.optional(z.string()),
  ai_keywords: z.optional(z.array(z.string())),
  organization: z.optional(RawOrganizationSchema),
  mediaUrls: z.optional(z.array(z.string())),
});

/** One entry of `/api/daily_papers` or `/api/papers/search`. */
export const HfRawDailyEntrySchema = z.object({
  paper: HfRawPaperSchema,
  // The entry's own title keeps the authors' TeX (`$\nabla^2$DFT: …`); `paper.title` is arXiv's listing
  // title, where the dollars are already stripped (`nabla^2DFT`).
  title: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  numComments: z.optional(count),
  thumbnail: z.optional(z.string()),
  // Before mid-2024 the thumbnail was called `mediaUrl`.
  mediaUrl: z.optional(z.string()),
  mediaUrls: z.optional(z.array(z.string())),
  submittedBy: z.optional(RawUserSchema),
  organization: z.optional(RawOrganizationSchema),
});

type RawPaper = z.output<typeof HfRawPaperSchema>;
type RawDailyEntry = z.output<typeof HfRawDailyEntrySchema>;
type RawUser = z.output<typeof RawUserSchema>;
type Path = (string | number)[];

/** The position of `key` under `base`, built only if an issue is reported. */
const under =
  (base: Path, key: string): (() => { path: Path }) =>
  () => ({ path: [...base, key] });

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A bare paper object: `/api/papers/{id}`. */
function looksLikePaperObject(value: unknown): boolean {
  return isObject(value) && typeof value.id === 'string' && 'title' in value && Array.isArray(value.authors);
}

function looksLikeDailyEntry(value: unknown): boolean {
  return isObject(value) && isObject(value.paper);
}

export const hfApiSource = defineSource({
  name: 'hf-api',
  description: 'Hugging Face papers API JSON (/api/daily_papers, /api/papers/search, /api/papers/{id})',
  detect(input) {
    const { json } = input;
    if (Array.isArray(json)) return json.length === 0 || json.some(looksLikeDailyEntry);
    return looksLikePaperObject(json) || looksLikeDailyEntry(json);
  },
  parse(input, context) {
    return parseHfApiJson(input.json, context);
  },
});

/**
 * Parse a value shaped like the Hugging Face API (an array of daily entries, one entry, or one bare paper).
 * Exported so other Hugging Face sources (the HTML pages embed the same JSON) share this one mapping.
 */
export function parseHfApiJson(json: unknown, context: ParseContext, basePath: Path = []): SourceResult {
  if (Array.isArray(json)) {
    const papers: Paper[] = [];
    json.forEach((entry, index) => {
      const paper = parseEntry(entry, [...basePath, index], index, context);
      if (paper) papers.push(paper);
    });
    return { papers, meta: { entries: json.length } };
  }
  if (looksLikeDailyEntry(json) || looksLikePaperObject(json)) {
    const paper = parseEntry(json, basePath, 0, context);
    return { papers: paper ? [paper] : [], meta: { entries: 1 } };
  }
  throw new ListingFormatError(
    'hf-api',
    'expected an array of daily-paper entries or one paper object with id, title and authors',
  );
}

function parseEntry(entry: unknown, path: Path, index: number, context: ParseContext): Paper | undefined {
  if (typeof entry === 'string') {
    const hint = /^\s*\{\s*'paper'/.test(entry)
      ? ' (it looks like a Python repr of an entry: single quotes and True/False are not JSON)'
      : '';
    context.reject({ index, path }, `entry is a string, expected an object with a "paper" field${hint}`, entry);
    return undefined;
  }
  if (isObject(entry) && !('paper' in entry) && looksLikePaperObject(entry)) {
    const paper = validateEntry(HfRawPaperSchema, entry, path, context);
    return paper && mapPaper(paper, undefined, path, context);
  }
  const raw = validateEntry(HfRawDailyEntrySchema, entry, path, context);
  return raw && mapPaper(raw.paper, raw, path, context);
}

function mapAuthors(authors: RawPaper['authors']): { authors?: Author[]; authorCount?: number } {
  if (authors === undefined) return {};
  const visible: Author[] = [];
  let listed = 0;
  for (const author of authors) {
    const name = cleanLine(author.name);
    if (name === '') continue;
    listed++;
    // Hidden authors asked not to be listed with the paper: never show them, but count them.
    if (author.hidden === true) continue;
    const username = author.user?.user;
    visible.push(username ? { name, hfUsername: username } : { name });
  }
  return listed === visible.length ? { authors: visible } : { authors: visible, authorCount: listed };
}

const HOURS = 3_600_000;

/**
 * When the paper was featured, from the entry's top-level `publishedAt`. That field meant "featured on Daily
 * Papers" until 2025-03-10; from 2025-03-11 on it is the arXiv time: equal to `paper.publishedAt` or exactly
 * 4 or 5 hours earlier (US Eastern written as UTC). Decided from the record itself, never from a calendar
 * date: a value that is the arXiv time says nothing about featuring.
 */
function featuredFromEntry(entryPublishedAt: string | undefined, paperPublishedAt: string | undefined): boolean {
  if (entryPublishedAt === undefined) return false;
  if (paperPublishedAt === undefined) return true;
  const gap = Date.parse(paperPublishedAt) - Date.parse(entryPublishedAt);
  return !(gap === 0 || gap === 4 * HOURS || gap === 5 * HOURS);
}

const VIDEO_EXTENSION = /\.(mp4|m4v|webm|mov|qt|ogv)$/i;

/** `mediaUrls` of the entry and of its paper (the API sends either or both), http(s) only, without repeats. */
function mapMedia(
  lists: { urls: string[] | undefined; path: Path }[],
  context: ParseContext,
): Paper['media'] | undefined {
  const media: NonNullable<Paper['media']> = [];
  const seen = new Set<string>();
  for (const { urls, path } of lists) {
    urls?.forEach((raw, index) => {
      const url = context.url(raw, () => ({ path: [...path, index] }), HF_ORIGIN);
      if (url === undefined || seen.has(url)) return;
      seen.add(url);
      media.push({ url, type: VIDEO_EXTENSION.test(new URL(url).pathname) ? 'video' : 'image' });
    });
  }
  return media.length > 0 ? media : undefined;
}

function mapAccount(raw: RawUser | undefined, path: Path, context: ParseContext): Account | undefined {
  if (!raw) return undefined;
  const name = raw.user?.trim() || raw.name?.trim();
  if (!name) return undefined;
  const account: Account = { name };
  if (raw.fullname) account.fullname = raw.fullname;
  const avatarUrl = context.url(raw.avatarUrl, under(path, 'avatarUrl'), HF_ORIGIN);
  if (avatarUrl) account.avatarUrl = avatarUrl;
  return account;
}

function mapOrganization(
  raw: z.output<typeof RawOrganizationSchema> | undefined,
  path: Path,
  context: ParseContext,
): Account | undefined {
  if (!raw?.name.trim()) return undefined;
  const account: Account = { name: raw.name };
  if (raw.fullname) account.fullname = raw.fullname;
  const avatarUrl = context.url(raw.avatar, under(path, 'avatar'), HF_ORIGIN);
  if (avatarUrl) account.avatarUrl = avatarUrl;
  return account;
}

function mapPaper(raw: RawPaper, entry: RawDailyEntry | undefined, path: Path, context: ParseContext): Paper {
  const paperPath = entry ? [...path, 'paper'] : path;
  const arxiv = parseArxivId(raw.id);
  const id = arxiv?.id ?? raw.id;

  const paper: Paper = {
    id,
    title: cleanLine(entry?.title && /\S/.test(entry.title) ? entry.title : raw.title),
    links: { page: `${HF_ORIGIN}/papers/${encodeURIComponent(wellFormed(id)).replace('%2F', '/')}` },
    metrics: {},
    // `hf-html` shares this mapping: the source is whoever parses.
    source: context.source,
  };
  if (arxiv) {
    paper.arxivId = arxiv.id;
    paper.links.abstract = `https://arxiv.org/abs/${arxiv.id}`;
    paper.links.pdf = `https://arxiv.org/pdf/${arxiv.id}`;
  }
  if (raw.summary !== undefined) {
    const abstract = cleanParagraphs(raw.summary);
    if (abstract) paper.abstract = abstract;
  }
  Object.assign(paper, mapAuthors(raw.authors));

  const publishedAt = context.date(raw.publishedAt, under(paperPath, 'publishedAt'), 'publishedAt');
  if (publishedAt) paper.publishedAt = publishedAt;
  const featuredAt =
    context.date(raw.submittedOnDailyAt, under(paperPath, 'submittedOnDailyAt'), 'submittedOnDailyAt') ??
    (featuredFromEntry(entry?.publishedAt, publishedAt)
      ? context.date(entry?.publishedAt, under(path, 'publishedAt'), 'publishedAt')
      : undefined);
  if (featuredAt) paper.featuredAt = featuredAt;

  mapLinksAndMedia(raw, entry, path, paper, context);

  if (raw.upvotes !== undefined) paper.metrics.upvotes = raw.upvotes;
  const comments = entry?.numComments ?? raw.numComments;
  if (comments !== undefined) paper.metrics.comments = comments;
  if (raw.githubStars !== undefined) paper.metrics.githubStars = raw.githubStars;

  if (raw.ai_summary) paper.aiSummary = cleanLine(raw.ai_summary);
  if (raw.ai_keywords && raw.ai_keywords.length > 0) paper.keywords = raw.ai_keywords.map(cleanLine);

  const organization =
    (raw.organization && mapOrganization(raw.organization, [...paperPath, 'organization'], context)) ??
    (entry?.organization && mapOrganization(entry.organization, [...path, 'organization'], context));
  if (organization) paper.organization = organization;
  const submitter =
    (raw.submittedOnDailyBy && mapAccount(raw.submittedOnDailyBy, [...paperPath, 'submittedOnDailyBy'], context)) ??
    (entry?.submittedBy && mapAccount(entry.submittedBy, [...path, 'submittedBy'], context));
  if (submitter) paper.submitter = submitter;
  return paper;
}

/** Code, project and thumbnail links, and the media, from the paper and its daily entry. */
function mapLinksAndMedia(
  raw: RawPaper,
  entry: RawDailyEntry | undefined,
  path: Path,
  paper: Paper,
  context: ParseContext,
): void {
  const paperPath = entry ? [...path, 'paper'] : path;
  const code = context.url(raw.githubRepo, under(paperPath, 'githubRepo'));
  if (code) paper.links.code = code;
  const project = context.url(raw.projectPage, under(paperPath, 'projectPage'));
  if (project) paper.links.project = project;
  const thumbnailKey = entry?.thumbnail !== undefined ? 'thumbnail' : 'mediaUrl';
  const thumbnail = context.url(entry?.thumbnail ?? entry?.mediaUrl, under(path, thumbnailKey), HF_ORIGIN);
  if (thumbnail) paper.links.thumbnail = thumbnail;
  const media = mapMedia(
    [
      { urls: entry?.mediaUrls, path: [...path, 'mediaUrls'] },
      { urls: raw.mediaUrls, path: [...paperPath, 'mediaUrls'] },
    ],
    context,
  );
  if (media) paper.media = media;
}
