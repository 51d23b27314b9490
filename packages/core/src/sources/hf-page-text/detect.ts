/** Detection: positive evidence of a papers page, never "any text at all". */
import { cleanLine, isMonthDayLabel } from '../../parse/normalize.js';
import type { Detection } from '../../parse/source.js';
import { isChrome, type Line, toLines } from './lines.js';
import { IMAGE_PLACEHOLDER, parseHeading } from './markdown.js';
import { looksLikeTitle, toParagraphs } from './paragraphs.js';

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
