/**
 * Inputs crafted to hit the worst case of each parser: runs of one character that once made a regex
 * backtrack, nesting that grew htmlparser2's stack, thousands of issues that each counted lines from the
 * start, thousands of wrongly typed fields. `make(n)` builds about `n` characters. Shared by the linear-time
 * tests (200k characters, a wide time margin) and `pnpm bench` (10k → 100k → 1M, growth ratios printed).
 */

export interface PathologicalInput {
  name: string;
  /** Forced format, when detection would (rightly) refuse the input. */
  format?: string;
  make(size: number): string;
}

const repeat = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const ATOM =
  '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">';
const HEADING = '### [A paper](https://huggingface.co/papers/2106.09685)\n';

function hfEntry(index: number, paper: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paper: {
      id: `2106.${String(10_000 + index)}`,
      title: `Paper ${index}`,
      authors: [{ name: 'A. Author' }],
      ...paper,
    },
    publishedAt: '2026-01-01T00:00:00.000Z',
  };
}

function hfArray(size: number, paper: (index: number) => Record<string, unknown>): string {
  const one = JSON.stringify(hfEntry(0, paper(0))).length + 1;
  const count = Math.max(1, Math.floor(size / one));
  return JSON.stringify(Array.from({ length: count }, (_, index) => hfEntry(index, paper(index))));
}

export const PATHOLOGICAL: PathologicalInput[] = [
  { name: 'page text: a run of "[" after a card heading', make: (n) => HEADING + repeat('[', n) },
  { name: 'page text: a run of "[x](" after a card heading', make: (n) => HEADING + repeat('[x](', n) },
  { name: 'page text: a heading of "](" pairs', make: (n) => `## [${repeat('](', n)}x)` },
  { name: 'page text: image placeholders without "]"', make: (n) => HEADING + repeat('[image:', n) },
  {
    name: 'page text: 1 bad link a line, each an issue',
    make: (n) => HEADING + repeat('[GitHub](javascript:void)\n', n),
  },
  { name: 'page text: "Submitted by" cards', make: (n) => repeat('Submitted by\nuser\n12\nTitle\n·\n3 authors\n', n) },
  { name: 'page text: one endless line', format: 'hf-page-text', make: (n) => repeat('a', n) },
  { name: 'page text: title lines without abstracts', make: (n) => repeat('A short title line\n\n', n) },
  {
    name: 'arXiv: dc:creator of spaces',
    format: 'arxiv-atom',
    make: (n) =>
      `${ATOM}<entry><id>http://arxiv.org/abs/2106.09685</id><title>T</title><dc:creator>a${' '.repeat(n)}b</dc:creator></entry></feed>`,
  },
  {
    name: 'arXiv: id of "?" before a newline',
    format: 'arxiv-atom',
    make: (n) => `${ATOM}<entry><id>${'?'.repeat(n)}\nx</id><title>T</title></entry></feed>`,
  },
  { name: 'arXiv: unclosed tags (deep nesting)', format: 'arxiv-atom', make: (n) => ATOM + repeat('<a>', n) },
  {
    name: 'arXiv: stray close tags under a deep stack',
    format: 'arxiv-atom',
    make: (n) => ATOM + '<a>'.repeat(250) + repeat('</b>', n),
  },
  {
    name: 'arXiv: many entries, each with an issue',
    format: 'arxiv-atom',
    make: (n) =>
      `${ATOM}${repeat('<entry>\n<id>http://arxiv.org/abs/2106.09685</id>\n<title>T</title>\n<link href="javascript:x"/>\n</entry>\n', n)}</feed>`,
  },
  {
    name: 'arXiv: entries never closed',
    format: 'arxiv-atom',
    make: (n) => `${ATOM}${repeat('<entry><id>http://arxiv.org/abs/2106.09685</id><title>T</title>', n)}`,
  },
  {
    name: 'arXiv: inline markup in titles',
    format: 'arxiv-atom',
    make: (n) =>
      `${ATOM}<entry><id>http://arxiv.org/abs/2106.09685</id><title>${repeat('<i>x</i>', n)}</title></entry></feed>`,
  },
  { name: 'HF HTML: unclosed divs', format: 'hf-html', make: (n) => `<html>${repeat('<div>', n)}DailyPapers` },
  {
    name: 'HF HTML: data-props with many entities',
    format: 'hf-html',
    make: (n) =>
      `<html><div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[${repeat('&quot;x&quot;,', n)}1]}"></div></html>`,
  },
  {
    name: 'HF API: every optional field of every entry mistyped',
    make: (n) =>
      hfArray(n, () => ({
        upvotes: 'x',
        numComments: 'x',
        githubStars: 'x',
        summary: 1,
        ai_summary: 1,
        ai_keywords: 1,
        githubRepo: 1,
        projectPage: 1,
        publishedAt: 1,
        submittedOnDailyAt: 1,
        organization: 1,
        submittedOnDailyBy: 1,
      })),
  },
  {
    name: 'HF API: one entry with thousands of bad authors',
    make: (n) =>
      JSON.stringify([hfEntry(0, { authors: Array.from({ length: Math.floor(n / 12) }, () => ({ name: 1 })) })]),
  },
  {
    name: 'HF API: deeply nested arrays in authors',
    make: (n) => `[{"paper":{"id":"2106.09685","title":"T","authors":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}}]`,
  },
  {
    name: 'HF API: entries with a bad link each',
    make: (n) => hfArray(n, () => ({ githubRepo: 'javascript:alert(1)' })),
  },
  {
    name: 'papertrend JSON: papers with bad fields',
    make: (n) => {
      const paper = {
        id: 'x',
        title: 'T',
        links: { code: 'javascript:x' },
        metrics: { upvotes: -1 },
        publishedAt: '2026-02-30',
      };
      const count = Math.max(1, Math.floor(n / (JSON.stringify(paper).length + 1)));
      return JSON.stringify({ format: 'hf-api', papers: Array.from({ length: count }, () => paper), meta: {} });
    },
  },
];

/** Query shapes that once cost quadratic or worse time in the search box; `make(n)` is about `n` characters. */
export const QUERY_SHAPES: PathologicalInput[] = [
  { name: 'one long word', make: (n) => repeat('abcdefghij', n) },
  { name: 'a pasted URL', make: (n) => `https://example.com/${repeat('path/', n)}` },
  { name: 'a hyphen chain', make: (n) => repeat('pre-', n) },
  { name: 'one word repeated', make: (n) => repeat('transformer ', n) },
  { name: 'misspelled words', make: (n) => repeat('trasnformerz ', n) },
  { name: 'quoted phrases', make: (n) => repeat('"large model" ', n) },
  { name: 'exclusions', make: (n) => repeat('-survey ', n) },
  { name: 'unbalanced quotes', make: (n) => repeat('a "b ', n) },
  { name: 'field prefixes', make: (n) => repeat('title:author:x ', n) },
];
