/**
 * A source of your own: a CSV export of papers (columns title, arxiv, authors, stars, code, published).
 * One file holds everything about the format: its raw schema, its detection and its mapping to `Paper`.
 */
import { defineSource, normalizeArxivId, type Paper, parseArxivId, validateEntry } from '@papertrend/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';

const HEADER = ['title', 'arxiv', 'authors', 'stars', 'code', 'published'];

/** One CSV row as the export writes it; empty cells are empty strings. */
const RowSchema = z.object({
  title: z.string().trim().min(1, 'a title is required'),
  arxiv: z.string(),
  authors: z.string(),
  // Optional: a bad value is dropped with a warning and the paper is kept.
  stars: z.union([z.literal(''), z.string().regex(/^\d+$/, 'stars must be a whole number')]).optional(),
  code: z.string(),
  published: z.union([z.literal(''), z.iso.date()]),
});

export const csvSource = defineSource({
  name: 'papers-csv',
  description: 'a CSV export with the columns title, arxiv, authors, stars, code, published',
  // Cheap: look at the first line only.
  detect: (input) => input.text?.trimStart().split(/\r?\n/, 1)[0]?.trim() === HEADER.join(','),
  parse(input, context) {
    const rows: Record<string, string>[] = parseCsv(input.text ?? '', { columns: true, skip_empty_lines: true });
    const papers: Paper[] = [];
    rows.forEach((raw, index) => {
      // validateEntry reports a bad row with its path ([row, column]) and keeps rows whose optional cells are bad.
      const row = validateEntry(RowSchema, raw, [index], context);
      if (!row) return;
      const arxiv = parseArxivId(row.arxiv);
      const paper: Paper = {
        id: arxiv?.id ?? `csv:${index}`,
        title: row.title,
        links: {},
        metrics: {},
        source: 'papers-csv',
      };
      if (arxiv) {
        paper.arxivId = arxiv.id;
        paper.links.abstract = `https://arxiv.org/abs/${arxiv.id}`;
        if (arxiv.version) paper.version = arxiv.version;
      }
      const authors = row.authors
        .split(';')
        .map((name) => name.trim())
        .filter(Boolean);
      if (authors.length > 0) paper.authors = authors.map((name) => ({ name }));
      if (row.stars) paper.metrics.githubStars = Number(row.stars);
      // context.url keeps only http(s) links and reports anything else as a warning.
      const code = context.url(row.code, { index, line: index + 2 });
      if (code) paper.links.code = code;
      if (row.published) paper.publishedAt = row.published;
      papers.push(paper);
    });
    return { papers, meta: { entries: rows.length } };
  },
});

export { normalizeArxivId };
