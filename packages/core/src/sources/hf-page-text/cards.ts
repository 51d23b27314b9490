/** The cards layout: Submitted by / user / upvotes / title / · / N authors / comments, one value per line. */
import type { Account, Paper } from '../../model.js';
import { isMonthDayLabel, parseCount } from '../../parse/normalize.js';
import type { ParseContext, SourceResult } from '../../parse/source.js';
import { basePaper, isChrome, type Line } from './lines.js';

export function parseCards(lines: Line[], context: ParseContext): SourceResult {
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
