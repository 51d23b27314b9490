/** The paragraphs layout (a trending page copied as text): title, abstract, title, abstract … */
import type { Paper } from '../../model.js';
import { cleanLine, cleanParagraphs, isMonthDayLabel } from '../../parse/normalize.js';
import type { ParseContext, SourceResult } from '../../parse/source.js';
import { basePaper, isChrome, type Line, MAX_TITLE_LENGTH } from './lines.js';

interface Paragraph {
  text: string;
  line: number;
}

export function toParagraphs(lines: Line[]): Paragraph[] {
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

export function looksLikeTitle(paragraph: Paragraph): boolean {
  return !paragraph.text.includes('\n') && paragraph.text.length <= MAX_TITLE_LENGTH;
}

export function parseParagraphs(lines: Line[], context: ParseContext): SourceResult {
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
