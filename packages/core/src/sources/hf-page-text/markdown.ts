/**
 * The markdown layout (a page rendered to markdown): `### [Title](https://huggingface.co/papers/ID)` headings
 * with body, organisation, date, upvote and GitHub links; every card may appear twice (de-duplicated here).
 */
import type { Account, Paper } from '../../model.js';
import {
  cleanLine,
  cleanParagraphs,
  lineLocator,
  parseArxivId,
  parseCount,
  parsePrintedDate,
} from '../../parse/normalize.js';
import type { ParseContext, SourceResult } from '../../parse/source.js';
import { HF_ORIGIN } from '../hf-api.js';
import { basePaper, type Line, MAX_SUMMARY_LENGTH } from './lines.js';

/** The extractor's placeholder for an image without alt text, `[图片：无替代文本]`, or with one (bounded). */
export const IMAGE_PLACEHOLDER = /\[(?:图片|image)[：:][^\]\n]{0,300}\]\s*/gi;

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
export function parseHeading(line: string): { title: string; href: string } | undefined {
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

export function parseMarkdown(lines: Line[], context: ParseContext): SourceResult {
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

export function readBody(body: Line[], paper: Paper, entry: number, context: ParseContext): void {
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
