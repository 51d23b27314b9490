/**
 * Papers as a digest to paste into a newsletter, a README, Discord or Slack: a numbered list with each
 * title linked to its page, the authors, the upvotes and a one-line summary.
 */
import type { Paper } from '../model.js';
import { texToUnicode } from '../tex/split.js';
import { xmlSafe } from './text.js';

export interface MarkdownOptions {
  /**
   * `markdown` (CommonMark and GitHub: newsletters, READMEs, Discord) or `slack` (Slack's mrkdwn, whose
   * links are `<url|text>`). Default: `markdown`.
   */
  flavor?: 'markdown' | 'slack';
  /** A heading line above the list (`Trending papers, 27 Nov`). */
  heading?: string;
  /** Authors named before `et al.`. Default: 3. */
  maxAuthors?: number;
  /** The summary line: the AI summary when known, else the abstract's first sentence (default), or none. */
  summary?: 'auto' | 'none';
}

// The characters CommonMark and GitHub read as inline markup anywhere in a line: escaped, a title is always
// just text and never a link, an image, an HTML tag, an entity, code, emphasis or a table cell. (`(`, `)` and
// `!` mean something only next to a `[`, which is escaped.)
const MARKDOWN_INLINE = /[\\`*_[\]<>&~|]/g;
// What starts a block when it begins a line: a heading, quote, list item or thematic break.
const MARKDOWN_BLOCK_START = /^([#>+=-]|\d+[.)])/;

/**
 * U+2060 WORD JOINER: invisible, and no line may break at it. Put where an autolink literal would start, it
 * keeps the text from becoming a link. A backslash escape does not: remark-gfm (Docusaurus, MDX) finds
 * literals in the text after escapes are resolved, and Slack has no escapes at all.
 */
const WORD_JOINER = '\u2060';

/**
 * Text that no renderer turns into a link: GFM's `www.` and `scheme://` literals, and e-mail addresses
 * (GitHub, Discord, remark-gfm, markdown-it's linkify, Slack). A paper's text is the paper's, not
 * papertrend's: a phishing address in a title must not become a link that looks vouched for.
 */
export function defuseAutolinks(text: string): string {
  return text
    .replace(/(?<![\p{L}\p{N}])(www)(?=\.)/giu, `$1${WORD_JOINER}`)
    .replace(/:(?=\/\/)/g, `:${WORD_JOINER}`)
    .replace(/(?<![\p{L}\p{N}:/\u2060])\/(?=\/[\p{L}\p{N}])/gu, `/${WORD_JOINER}`)
    .replace(/(?<=[\p{L}\p{N}._%+-])@(?=[\p{L}\p{N}])/gu, `${WORD_JOINER}@`);
}

/** Plain text as CommonMark text: markup characters backslash-escaped, line breaks and controls gone. */
export function escapeMarkdown(text: string): string {
  return defuseAutolinks(oneLine(text))
    .replace(MARKDOWN_INLINE, (char) => `\\${char}`)
    .replace(MARKDOWN_BLOCK_START, (start) => start.replace(/[#>+=.)-]/, (char) => `\\${char}`));
}

// Slack's mrkdwn reads `&`, `<` and `>` as control characters (and nothing else can be escaped there).
function escapeSlack(text: string): string {
  return defuseAutolinks(oneLine(text)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function oneLine(text: string): string {
  return xmlSafe(text).replace(/\s+/g, ' ').trim();
}

/** The first sentence of an abstract (up to 240 characters), for a one-line summary. */
function firstSentence(text: string): string {
  const line = oneLine(text);
  const end = line.search(/[.!?](\s|$)/);
  const sentence = end === -1 ? line : line.slice(0, end + 1);
  return sentence.length <= 240 ? sentence : `${sentence.slice(0, 239).trimEnd()}…`;
}

function authorsLine(paper: Paper, maxAuthors: number): string {
  const names = paper.authors?.map((author) => texToUnicode(author.name)) ?? [];
  const total = Math.max(paper.authorCount ?? 0, names.length);
  if (names.length === 0) return total > 0 ? `${total} authors` : '';
  return total > maxAuthors ? `${names.slice(0, maxAuthors).join(', ')} et al.` : names.join(', ');
}

/**
 * Papers as a Markdown digest, most important first (the order you pass).
 *
 * @example
 * import { toMarkdown } from '@papertrend/core/feed';
 * console.log(toMarkdown(listing.papers.slice(0, 10), { heading: 'This week in papers' }));
 */
export function toMarkdown(papers: readonly Paper[], options: MarkdownOptions = {}): string {
  const slack = options.flavor === 'slack';
  const asText = slack ? escapeSlack : escapeMarkdown;
  const maxAuthors = options.maxAuthors ?? 3;
  const lines: string[] = [];
  if (options.heading) lines.push(slack ? `*${asText(options.heading)}*` : `## ${asText(options.heading)}`, '');
  papers.forEach((paper, index) => {
    const url = paper.links.page ?? paper.links.abstract ?? paper.links.pdf;
    const title = asText(texToUnicode(paper.title));
    // URLs are http(s) without spaces, quotes or angle brackets (the model guarantees it); `<…>` keeps a
    // `)` in one from ending a Markdown link early.
    const link = url === undefined ? title : slack ? `<${url}|${title}>` : `[${title}](<${url}>)`;
    const facts = [
      authorsLine(paper, maxAuthors),
      paper.metrics.upvotes === undefined ? '' : `▲ ${paper.metrics.upvotes}`,
    ]
      .filter((fact) => fact !== '')
      .map(asText);
    lines.push(
      `${index + 1}. ${slack ? `*${link}*` : `**${link}**`}${facts.length > 0 ? ` — ${facts.join(' · ')}` : ''}`,
    );
    const summary =
      options.summary === 'none'
        ? ''
        : paper.aiSummary
          ? oneLine(paper.aiSummary)
          : paper.abstract
            ? firstSentence(paper.abstract)
            : '';
    if (summary) lines.push(`   ${asText(texToUnicode(summary))}`);
  });
  return `${lines.join('\n')}\n`;
}
