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
import { defineSource } from '../../parse/source.js';
import { parseCards } from './cards.js';
import { detectPageText } from './detect.js';
import { type Line, SOURCE, toLines } from './lines.js';
import { parseHeading, parseMarkdown } from './markdown.js';
import { parseParagraphs } from './paragraphs.js';

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
