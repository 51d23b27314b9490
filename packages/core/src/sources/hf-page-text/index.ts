/**
 * The visible text of a Hugging Face papers page, as a person copies it out of the browser or a text
 * extractor writes it. There is no standard grammar to hand to a library here: three layouts occur and each
 * is read by its own small scanner that works on lines, never on the raw bytes with one big regex.
 *
 * - **paragraphs** (a trending page copied as text): header chrome, a date line (`Mar 11`), then a title
 *   paragraph and an abstract paragraph per paper.
 * - **cards** (a daily page with tags turned into line breaks): `Submitted by` / user / upvotes / title /
 *   `·` / `N authors` / comments, one value per line.
 * - **markdown** (a page rendered to markdown): `### [Title](https://huggingface.co/papers/ID)` headings with
 *   body, organisation, date, upvote and GitHub links; every card may appear twice (de-duplicated here).
 */

import { ListingFormatError } from '../../errors.js';
import type { Account, Paper } from '../../model.js';
import {
  cleanLine,
  cleanParagraphs,
  isMonthDayLabel,
  lineLocator,
  parseArxivId,
  parseCount,
  parsePrintedDate,
} from '../../parse/normalize.js';
import { type Detection, defineSource, type ParseContext, type SourceResult } from '../../parse/source.js';
import { HF_ORIGIN } from '../hf-api.js';

const SOURCE = 'hf-page-text';

/** Lines of the page's header and footer: never papers. Compared case-insensitively after trimming. */
const CHROME = new Set(
  [
    'new',
    'get trending papers in your email inbox!',
    'get trending papers in your email inbox once a day!',
    'subscribe',
    'byak and the research community',
    'by ak and the research community',
    'daily papers',
    'trending papers',
    'by',
    'ak',
    'and the research community',
    'search by arxiv id or title',
    'submit a paper',
    'previous',
    'next',
    'hugging face',
    'models',
    'datasets',
    'spaces',
    'posts',
    'docs',
    'solutions',
    'pricing',
    'log in',
    'sign up',
    'company',
    '© hugging face',
    'tos',
    'privacy',
    'about',
    'jobs',
    'website',
    '-',
  ].map((line) => line.toLowerCase()),
);

function isChrome(line: string): boolean {
  return CHROME.has(cleanLine(line).toLowerCase());
}

/** A title is one short line; an abstract is long or holds several sentences. */
const MAX_TITLE_LENGTH = 300;
/** Markdown card bodies shorter than this are the page's one-line AI summaries, not abstracts. */
const MAX_SUMMARY_LENGTH = 400;

interface Line {
  text: string;
  /** 1-based line number in the input. */
  number: number;
}

function toLines(text: string): Line[] {
  return text.split(/\r?\n/).map((line, index) => ({ text: line.trim(), number: index + 1 }));
}

function textId(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `title:${slug || 'untitled'}`;
}

function basePaper(title: string): Paper {
  const clean = cleanLine(title);
  return { id: textId(clean), title: clean, links: {}, metrics: {}, source: SOURCE };
}

/** The three renderings of a papers page the page-text source reads (`Listing.meta.layout`). */
export type PageTextLayout = 'markdown' | 'cards' | 'paragraphs';

function layoutOf(lines: Line[]): PageTextLayout {
  if (lines.some((line) => parseHeading(line.text) !== undefined)) return 'markdown';
  if (lines.some((line) => line.text === 'Submitted by') && lines.some((line) => /^\d+ authors?$/.test(line.text))) {
    return 'cards';
  }
  return 'paragraphs';
}

export const hfPageTextSource = defineSource({
  name: SOURCE,
  description: 'the visible text of a Hugging Face papers page (copied text, or the page rendered as markdown)',
  detect(input) {
    const { text } = input;
    if (input.isJson || text === undefined) return false;
    const head = text.trimStart().slice(0, 200);
    // HTML and XML documents belong to other sources; so does text that only failed to be JSON.
    if (head.startsWith('<') || head.startsWith('{')) return false;
    if (head.startsWith('[') && !/^\[[^\]\n]*\]\(/.test(head)) return false;
    // Printable text: binary input has control characters.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary input is the point
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return false;
    return detectPageText(text);
  },
  parse(input, context) {
    if (input.isJson || input.text === undefined || /^\s*</.test(input.text.slice(0, 200))) {
      throw new ListingFormatError(
        SOURCE,
        `this is ${input.isJson ? 'JSON' : 'markup'}, not the visible text of a papers page (read it without \`format\`)`,
      );
    }
    const lines = toLines(input.text);
    const layout = layoutOf(lines);
    const result =
      layout === 'markdown'
        ? parseMarkdown(lines, context)
        : layout === 'cards'
          ? parseCards(lines, context)
          : parseParagraphs(lines, context);
    if ((result.meta?.entries ?? 0) === 0) {
      const { missing } = detectPageText(input.text);
      throw new ListingFormatError(SOURCE, `no paper in it${missing ? `: ${missing}` : ''}`);
    }
    return { ...result, meta: { ...result.meta, layout } };
  },
});

// ---------------------------------------------------------------------------------------------------------
// detection: positive evidence of a papers page, never "any text at all"

/** Lines that only a papers page prints (its header), compared lower-cased without markdown `#`s. */
const PAGE_HEADER =
  /^(daily papers|trending papers|get trending papers in your email inbox( once a day)?!|search by arxiv id or title|submit a paper)$|and the research community$/;
/** How much of a long input detection reads: the evidence of a papers page sits at its start. */
const DETECTION_WINDOW = 256 * 1024;

/**
 * How sure we are that `text` is a papers page, from evidence each layout leaves: markdown card headings
 * linking to `/papers/…`, `Submitted by` cards with author counts, the page's header or date line with
 * title/abstract pairs, or (copied without its header) text made almost entirely of title/abstract pairs.
 * Licences, READMEs, changelogs, configs, code and e-mail have none of these, and are refused.
 */
export function detectPageText(text: string): Detection {
  const lines = toLines(text.length > DETECTION_WINDOW ? text.slice(0, DETECTION_WINDOW) : text);
  let headings = 0;
  let submittedBy = 0;
  let authorCounts = 0;
  let header = 0;
  let dateLines = 0;
  for (const { text: line } of lines) {
    if (line === '') continue;
    const heading = line.startsWith('#') ? parseHeading(line) : undefined;
    if (heading && /(^|huggingface\.co)\/papers\/[^/\s]+$/.test(heading.href)) headings++;
    else if (line === 'Submitted by') submittedBy++;
    else if (/^-?\s*\d+ authors?$/.test(line)) authorCounts++;
    else if (PAGE_HEADER.test(cleanLine(line.replace(/^#+\s*/, '').replace(IMAGE_PLACEHOLDER, '')).toLowerCase()))
      header++;
    else if (isMonthDayLabel(line)) dateLines++;
  }
  if (headings > 0) return { confidence: 0.95 };
  if (submittedBy > 0 && authorCounts > 0) return { confidence: 0.9 };
  const { pairs, paragraphs } = titleAbstractPairs(lines);
  if ((header > 0 || dateLines > 0) && pairs > 0) return { confidence: 0.85 };
  // Titles and abstracts copied without the page's header: nearly every paragraph must be one of a pair.
  if (pairs >= 2 && pairs * 2 >= paragraphs * 0.8) return { confidence: 0.6 };
  const missing = [
    pairs === 0 ? 'no title/abstract pairs' : `only ${pairs * 2} of ${paragraphs} paragraphs in title/abstract pairs`,
    header === 0 && dateLines === 0 ? 'no papers header or date line' : '',
    submittedBy === 0 ? 'no "Submitted by" cards' : 'no "N authors" lines',
    'no "### [Title](…/papers/…)" headings',
  ].filter(Boolean);
  return { confidence: pairs > 0 || header > 0 ? 0.3 : 0.1, missing: `looks like prose: ${missing.join(', ')}` };
}

/**
 * Detection's stricter title: what parsing accepts as one (`looksLikeTitle`), and not a sentence, list item,
 * heading or code — evidence must not come from any short line.
 */
function isTitleLike(paragraph: string): boolean {
  return (
    looksLikeTitle({ text: paragraph, line: 0 }) &&
    paragraph.length >= 8 &&
    !/[.:;,]$/.test(paragraph) &&
    !/^([#>*|`<{[(/\\=+-]|\d+[.)]\s)/.test(paragraph) &&
    /[A-Za-z]/.test(paragraph)
  );
}

/** An abstract: long prose of several sentences, with no list, heading, quote or code lines. */
function isAbstractLike(paragraph: string): boolean {
  if (paragraph.length < 250 || !/^[A-Z"“(]/.test(paragraph)) return false;
  if (/^\s*([#>*|`-]|\d+[.)]\s)/m.test(paragraph) || /[{};]\s*$/m.test(paragraph)) return false;
  const sentences = paragraph.match(/[.!?](\s|$)/g)?.length ?? 0;
  return sentences >= 2;
}

function titleAbstractPairs(lines: Line[]): { pairs: number; paragraphs: number } {
  const paragraphs = toParagraphs(lines)
    .map((paragraph) => paragraph.text)
    .filter((paragraph) => !isChrome(paragraph) && !isMonthDayLabel(paragraph));
  let pairs = 0;
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    if (isTitleLike(paragraphs[i] as string) && isAbstractLike(paragraphs[i + 1] as string)) {
      pairs++;
      i++;
    }
  }
  return { pairs, paragraphs: paragraphs.length };
}

// ---------------------------------------------------------------------------------------------------------
// paragraphs: title, abstract, title, abstract …

interface Paragraph {
  text: string;
  line: number;
}

function toParagraphs(lines: Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    const first = current[0];
    if (first) paragraphs.push({ text: current.map((line) => line.text).join('\n'), line: first.number });
    current = [];
  };
  for (const line of lines) {
    if (line.text === '') flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

function looksLikeTitle(paragraph: Paragraph): boolean {
  return !paragraph.text.includes('\n') && paragraph.text.length <= MAX_TITLE_LENGTH;
}

function parseParagraphs(lines: Line[], context: ParseContext): SourceResult {
  const papers: Paper[] = [];
  const meta: SourceResult['meta'] = {};
  let entries = 0;
  const paragraphs = toParagraphs(lines);
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index] as Paragraph;
    if (isChrome(paragraph.text)) continue;
    if (isMonthDayLabel(paragraph.text)) {
      meta.dateLabel ??= cleanLine(paragraph.text);
      continue;
    }
    entries++;
    const next = paragraphs[index + 1];
    if (!looksLikeTitle(paragraph)) {
      context.reject(
        { index: entries - 1, line: paragraph.line },
        'a long paragraph with no title before it (expected a title line, then its abstract)',
        paragraph.text,
      );
      continue;
    }
    if (next === undefined || looksLikeTitle(next) || isChrome(next.text)) {
      context.reject(
        { index: entries - 1, line: paragraph.line },
        'a short line with no abstract after it: not read as a paper (page chrome or a cut-off card)',
        paragraph.text,
      );
      continue;
    }
    const paper = basePaper(paragraph.text);
    paper.abstract = cleanParagraphs(next.text);
    papers.push(paper);
    index++;
  }
  return { papers, meta: { ...meta, entries } };
}

// ---------------------------------------------------------------------------------------------------------
// cards: Submitted by / user / upvotes / title / · / N authors / comments

function parseCards(lines: Line[], context: ParseContext): SourceResult {
  const papers: Paper[] = [];
  const content = lines.filter((line) => line.text !== '');
  const starts = content.flatMap((line, index) => (line.text === 'Submitted by' ? [index] : []));
  const dateParts = content.slice(0, starts[0] ?? 0).filter((line) => !isChrome(line.text));
  const meta: SourceResult['meta'] = {};
  // The page prints the day as two lines, `Aug` and `1`.
  for (let i = 0; i + 1 < dateParts.length; i++) {
    const label = `${dateParts[i]?.text} ${dateParts[i + 1]?.text}`;
    if (isMonthDayLabel(label)) meta.dateLabel = label;
  }

  starts.forEach((start, entry) => {
    const end = starts[entry + 1] ?? content.length;
    const card = content.slice(start + 1, end).map((line) => line.text);
    const position = { index: entry, line: (content[start] as Line).number };
    const dot = card.indexOf('·');
    // user, [upvotes], title…, ·, N authors, [comments]
    const user = card[0];
    let titleFrom = 1;
    let upvotes: number | undefined;
    if (card[1] !== undefined && /^\d[\d,.]*[kKmM]?$/.test(card[1])) {
      upvotes = parseCount(card[1]);
      titleFrom = 2;
    }
    const titleLines = dot === -1 ? [] : card.slice(titleFrom, dot).filter((line) => !isChrome(line));
    if (user === undefined || dot === -1 || titleLines.length === 0) {
      context.reject(position, 'a "Submitted by" card without a title followed by "·"', card.join(' / '));
      return;
    }
    const paper = basePaper(titleLines.join(' '));
    const submitter: Account = { name: user };
    paper.submitter = submitter;
    if (upvotes !== undefined) paper.metrics.upvotes = upvotes;
    const authors = /^(\d+) authors?$/.exec(card[dot + 1] ?? '');
    if (authors) {
      paper.authorCount = Number(authors[1]);
      const comments = card[dot + 2];
      if (comments !== undefined && /^\d+$/.test(comments)) paper.metrics.comments = Number(comments);
    }
    papers.push(paper);
  });
  return { papers, meta: { ...meta, entries: starts.length } };
}

// ---------------------------------------------------------------------------------------------------------
// markdown: ### [Title](https://huggingface.co/papers/ID) …

/** The extractor's placeholder for an image without alt text, `[图片：无替代文本]`, or with one (bounded). */
const IMAGE_PLACEHOLDER = /\[(?:图片|image)[：:][^\]\n]{0,300}\]\s*/gi;

interface MarkdownLink {
  start: number;
  end: number;
  text: string;
  href: string;
}

/**
 * The `[text](url)` links of `text`, in order, not nested in each other; link text may hold bracket pairs
 * (`[[图片：…]](…)`), the URL has no parentheses or spaces. One pass pairs every `[` with its `]`, so this
 * is linear where the equivalent regex backtracked to quadratic time on a run of `[`.
 */
export function findLinks(text: string): MarkdownLink[] {
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x5b) open.push(i);
    else if (char === 0x5d) {
      const start = open.pop();
      if (start !== undefined) closing.set(start, i);
    }
  }
  const links: MarkdownLink[] = [];
  let from = 0;
  for (const start of [...closing.keys()].sort((a, b) => a - b)) {
    if (start < from) continue;
    const close = closing.get(start) as number;
    if (text.charCodeAt(close + 1) !== 0x28) continue;
    let end = close + 2;
    while (end < text.length && !URL_STOP.has(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) !== 0x29) continue;
    links.push({ start, end: end + 1, text: text.slice(start + 1, close), href: text.slice(close + 2, end) });
    from = end + 1;
  }
  return links;
}

/** Characters a link's URL cannot hold: `(`, `)` and whitespace. */
const URL_STOP = new Set([0x28, 0x29, 0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);

/** `### [Title](url)` → its title and URL; the title is everything up to the last `](`. */
function parseHeading(line: string): { title: string; href: string } | undefined {
  const prefix = /^#{2,4}\s*\[/.exec(line);
  if (!prefix || !line.endsWith(')')) return undefined;
  const split = line.lastIndexOf('](');
  if (split < prefix[0].length + 1) return undefined;
  const href = line.slice(split + 2, -1);
  if (/[()\s]/.test(href)) return undefined;
  return { title: line.slice(prefix[0].length, split), href };
}

interface MarkdownCard {
  paper: Paper;
  line: number;
  /** How many fields are set: the richer of two renderings of one card wins. */
  richness: number;
}

function parseMarkdown(lines: Line[], context: ParseContext): SourceResult {
  const headings = lines.map((line) => parseHeading(line.text));
  const headingIndexes = headings.flatMap((heading, index) => (heading ? [index] : []));
  const byId = new Map<string, MarkdownCard>();
  const order: string[] = [];
  let duplicates = 0;

  headingIndexes.forEach((headingIndex, entry) => {
    const heading = lines[headingIndex] as Line;
    const { title: rawTitle, href } = headings[headingIndex] as { title: string; href: string };
    const previousHeading = headingIndexes[entry - 1] ?? -1;
    const nextHeading = headingIndexes[entry + 1] ?? lines.length;
    // A card's "Submitted by" block stands above its heading, after the previous card's links.
    const before = lines.slice(previousHeading + 1, headingIndex);
    let bodyEnd = nextHeading;
    for (let i = headingIndex + 1; i < nextHeading; i++) {
      if ((lines[i] as Line).text === 'Submitted by' || isCardImageLink((lines[i] as Line).text)) {
        bodyEnd = i;
        break;
      }
    }
    const body = lines.slice(headingIndex + 1, bodyEnd);
    const title = cleanLine(rawTitle.replace(IMAGE_PLACEHOLDER, ''));
    if (title === '') {
      context.reject({ index: entry, line: heading.number }, 'a card heading with an empty title', heading.text);
      return;
    }
    const paper = basePaper(title);
    const pageUrl = context.url(href, { index: entry, line: heading.number }, HF_ORIGIN);
    const arxiv = pageUrl ? parseArxivId(pageUrl) : undefined;
    if (pageUrl) paper.links.page = pageUrl;
    if (arxiv) {
      paper.id = arxiv.id;
      paper.arxivId = arxiv.id;
    }
    readSubmitter(before, paper);
    readBody(body, paper, entry, context);

    const card: MarkdownCard = { paper, line: heading.number, richness: richness(paper) };
    const existing = byId.get(paper.id);
    if (existing === undefined) {
      byId.set(paper.id, card);
      order.push(paper.id);
    } else {
      duplicates++;
      byId.set(paper.id, mergeCards(existing, card));
    }
  });

  const papers = order.map((id) => (byId.get(id) as MarkdownCard).paper);
  return { papers, meta: { entries: headingIndexes.length, duplicates } };
}

function isCardImageLink(text: string): boolean {
  return /^\[\[(?:图片|image)[：:][^\]]*\]\]\(/i.test(text);
}

function readSubmitter(before: Line[], paper: Paper): void {
  const at = before.findIndex((line) => line.text === 'Submitted by');
  if (at === -1) return;
  const user = before
    .slice(at + 1)
    .map((line) => line.text.replace(IMAGE_PLACEHOLDER, '').trim())
    .find((text) => text !== '' && !text.startsWith('<'));
  if (user) paper.submitter = { name: user };
}

function readBody(body: Line[], paper: Paper, entry: number, context: ParseContext): void {
  const prose: string[] = [];
  // Links can span lines (`[Upvote\n\n117](…)`), so links are read from the body joined into one string.
  const joined = body.map((line) => line.text).join('\n');
  const links = findLinks(joined);
  const lineOf = lineLocator(joined);
  for (const link of links) {
    const text = cleanLine(link.text.replace(IMAGE_PLACEHOLDER, ''));
    const href = link.href;
    const line = body[0] ? body[0].number + lineOf(link.start) - 1 : 0;
    const position = { index: entry, line };
    const upvote = /^Upvote\s*(\S+)$/i.exec(text);
    const github = /^GitHub\s*(\S+)?$/i.exec(text);
    if (upvote) {
      const upvotes = parseCount(upvote[1] ?? '');
      if (upvotes !== undefined) paper.metrics.upvotes = upvotes;
    } else if (github) {
      const code = context.url(href, position);
      if (code) paper.links.code = code;
      const stars = github[1] === undefined ? undefined : parseCount(github[1]);
      if (stars !== undefined) paper.metrics.githubStars = stars;
    } else if (/^arxiv page$/i.test(text)) {
      const abstract = context.url(href, position);
      if (abstract) paper.links.abstract = abstract;
    } else if (/^https?:\/\/huggingface\.co\/[^/]+\/?$/.test(href) && text !== '') {
      const organization: Account = { name: href.replace(/\/$/, '').split('/').pop() as string, fullname: text };
      paper.organization = organization;
    }
  }
  // Prose is what remains once links (which may span lines) are taken out.
  let withoutLinks = '';
  let from = 0;
  for (const link of links) {
    withoutLinks += joined.slice(from, link.start);
    from = link.end;
  }
  withoutLinks += joined.slice(from);
  for (const rawLine of withoutLinks.split('\n')) {
    const text = rawLine.replace(IMAGE_PLACEHOLDER, '').trim();
    const published = /·\s*(?:Published on\s+)?([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\s*$/.exec(text);
    if (published) {
      const day = parsePrintedDate(published[1] ?? '');
      if (day) paper.publishedAt = day;
      prose.push('');
      continue;
    }
    const authors = /^-?\s*(\d+) authors?$/.exec(text);
    if (authors) {
      paper.authorCount = Number(authors[1]);
      prose.push('');
      continue;
    }
    // Anchors (`<a id=…>`), empty list bullets and link leftovers are layout, not prose.
    prose.push(text.startsWith('<') || /^[-·\s]*$/.test(text) ? '' : text);
  }
  const bodyText = cleanParagraphs(prose.join('\n'));
  if (bodyText === '') return;
  // Trending cards show either the full abstract or the site's one-line AI summary.
  if (bodyText.length < MAX_SUMMARY_LENGTH && !bodyText.includes('\n')) paper.aiSummary = bodyText;
  else paper.abstract = bodyText;
}

function richness(paper: Paper): number {
  return Object.keys(paper).length + Object.keys(paper.links).length + Object.keys(paper.metrics).length;
}

/** Two renderings of one card: keep the richer one and fill its gaps from the other. */
function mergeCards(a: MarkdownCard, b: MarkdownCard): MarkdownCard {
  const [rich, poor] = a.richness >= b.richness ? [a, b] : [b, a];
  const paper: Paper = {
    ...poor.paper,
    ...rich.paper,
    links: { ...poor.paper.links, ...rich.paper.links },
    metrics: { ...poor.paper.metrics, ...rich.paper.metrics },
  };
  return { paper, line: a.line, richness: richness(paper) };
}
