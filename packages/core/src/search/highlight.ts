/**
 * Highlight ranges for a hit, computed when first read: a widget asks for every hit (to count and page them)
 * but shows twenty, and computing ranges for all 3,000 hits of a one-letter query cost 70 ms a keystroke.
 */
import type { Paper } from '../model.js';
import { FIELDS, type SearchField } from './scoring.js';
import { foldToken, tokenSpans } from './text.js';

/** Character ranges `[start, end)` in the original, un-normalised text of one field value. */
export interface SearchMatch {
  field: SearchField;
  /** For `authors` and `keywords`: which entry of the list matched. */
  index?: number;
  /** The text the ranges refer to (the author's name, the title, …). */
  value: string;
  ranges: [start: number, end: number][];
}

export interface SearchHit {
  paper: Paper;
  /** Higher is better; comparable only within one query's results. */
  score: number;
  matches: SearchMatch[];
}

/** The searchable values of one field of a paper. */
export function fieldValues(paper: Paper, field: SearchField): readonly string[] {
  switch (field) {
    case 'title':
      return [paper.title];
    case 'abstract':
      return paper.abstract ? [paper.abstract] : [];
    case 'summary':
      return paper.aiSummary ? [paper.aiSummary] : [];
    case 'keywords':
      return paper.keywords ?? [];
    case 'authors':
      return paper.authors?.map((author) => author.name) ?? [];
  }
}

/** `terms`: term → how many leading characters to highlight (Infinity: the whole token). */
export function lazyHit(paper: Paper, score: number, terms: Map<string, number>): SearchHit {
  let matches: SearchMatch[] | undefined;
  return {
    paper,
    score,
    get matches() {
      matches ??= highlight(paper, terms);
      return matches;
    },
  };
}

function highlight(paper: Paper, terms: Map<string, number>): SearchMatch[] {
  const matches: SearchMatch[] = [];
  for (const field of FIELDS) {
    fieldValues(paper, field).forEach((value, index) => {
      const ranges: [number, number][] = [];
      for (const { token, start, end } of tokenSpans(value)) {
        const length = terms.get(token);
        if (length === undefined) continue;
        // A prefix match highlights what was typed, when folding kept the length (it does for Latin text).
        const folded = foldToken(value.slice(start, end));
        const cut = Number.isFinite(length) && folded.length === end - start ? Math.min(end, start + length) : end;
        ranges.push([start, cut]);
      }
      if (ranges.length === 0) return;
      // A joined hyphen chain (`Pre-Train`) covers its parts' ranges: one range per stretch of text.
      ranges.sort((a, b) => a[0] - b[0]);
      const merged: [number, number][] = [];
      for (const range of ranges) {
        const previous = merged[merged.length - 1];
        if (previous && range[0] < previous[1]) previous[1] = Math.max(previous[1], range[1]);
        else merged.push(range);
      }
      const match: SearchMatch = { field, value, ranges: merged };
      if (field === 'authors' || field === 'keywords') match.index = index;
      matches.push(match);
    });
  }
  return matches;
}
