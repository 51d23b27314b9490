import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPapertrendError, type Listing, PaperSchema, parseListing } from '../src/entries/index.js';
import { fixture } from './helpers.js';

// CI replays one fixed seed so a run is reproducible; local runs explore new inputs every time
// (fast-check prints the seed and the shrunk counterexample of any failure).
if (process.env.CI) fc.configureGlobal({ seed: 20_261_127 });

/** Every entry is accounted for: a paper, an error issue, or a duplicate merged into another paper. */
function expectAccounted(listing: Listing): void {
  const errors = listing.issues.filter((issue) => issue.severity === 'error').length;
  expect(listing.papers.length + errors + listing.meta.duplicates).toBe(listing.meta.entries);
  for (const paper of listing.papers) {
    const checked = PaperSchema.safeParse(paper);
    expect(checked.success, `${JSON.stringify(checked.error?.issues)} in ${JSON.stringify(paper).slice(0, 300)}`).toBe(
      true,
    );
    for (const url of Object.values(paper.links)) expect(url).toMatch(/^https?:\/\//);
  }
}

/** Parse, allowing only papertrend's own typed errors. */
function parseOrTypedError(input: Parameters<typeof parseListing>[0], format?: string): Listing | undefined {
  try {
    return parseListing(input, format === undefined ? {} : { format });
  } catch (error) {
    if (!isPapertrendError(error)) throw error;
    return undefined;
  }
}

const day = JSON.parse(fixture('hf-api/2026-08-21.json')) as unknown[];
const jsonLeaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('javascript:alert(1)'),
  fc.constant('<img src=x onerror=alert(1)>'),
);

// Replace or delete the value at a random path of a real entry.
function mutate(value: unknown, choices: number[], replacement: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth >= choices.length) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[(choices[depth] as number) % keys.length] as string;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const next = mutate((value as Record<string, unknown>)[key], choices, replacement, depth + 1);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else (copy as Record<string, unknown>)[key] = next;
  return copy;
}

describe('the parser never crashes and never loses an entry', () => {
  it('arbitrary text: a listing or a typed error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const listing = parseOrTypedError(text);
        if (listing) expectAccounted(listing);
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary JSON values, with and without a forced format', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(undefined, 'hf-api', 'hf-page-text'),
        (value, format) => {
          const listing = parseOrTypedError(JSON.stringify(value) ?? 'null', format);
          if (listing) expectAccounted(listing);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('real API entries with random fields replaced or removed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            entry: fc.nat(day.length - 1),
            path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
            replacement: fc.oneof(jsonLeaf, fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (mutations) => {
          let entries = structuredClone(day);
          for (const { entry, path, replacement } of mutations) {
            entries = entries.map((item, index) => (index === entry ? mutate(item, path, replacement) : item));
          }
          const listing = parseOrTypedError(JSON.stringify(entries), 'hf-api');
          expect(listing).toBeDefined();
          if (!listing) return;
          expect(listing.meta.entries).toBe(day.length);
          expectAccounted(listing);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('real page text with random lines removed, duplicated or replaced', () => {
    const texts = ['trending-mar-11.txt', 'daily-2024-08-01.txt', 'trending-2026-10-excerpt.md'].map((name) =>
      fixture(`hf-page-text/${name}`).split('\n'),
    );
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(''), fc.constant(null), fc.string({ maxLength: 80 }))), {
          maxLength: 12,
        }),
        (which, edits) => {
          const lines = [...(texts[which] as string[])];
          for (const [at, replacement] of edits) {
            const index = at % lines.length;
            if (replacement === null) lines.splice(index, 1);
            else lines.splice(index, 0, replacement);
          }
          const listing = parseOrTypedError(lines.join('\n'));
          if (listing) expectAccounted(listing);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('real arXiv feeds and Hugging Face HTML with random splices of markup-significant text', () => {
    const documents = [
      fixture('arxiv/query-all-science-2019-08.xml'),
      fixture('arxiv/api-new-2026_search-testing_start0_max10.xml'),
      fixture('arxiv/api-transitional-2025-11_idlist-with-missing-ids.xml'),
      fixture('hf-html/papers_daily_2024-08-01.html'),
    ];
    const noise = fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '&amp;',
        '"',
        "'",
        '</entry>',
        '<entry>',
        '<id>',
        '</title>',
        '<![CDATA[',
        ']]>',
        '&#0;',
      ),
      fc.constantFrom('<link href="javascript:alert(1)"/>', '<title>Error</title>', 'data-props="{', '&quot;'),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.nat(documents.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(200), noise), { minLength: 1, maxLength: 8 }),
        (which, splices) => {
          let text = documents[which] as string;
          for (const [at, remove, insert] of splices) {
            const index = at % (text.length + 1);
            text = text.slice(0, index) + insert + text.slice(index + remove);
          }
          const listing = parseOrTypedError(text);
          if (listing) expectAccounted(listing);
        },
      ),
      { numRuns: 150 },
    );
  });
});
