import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPapertrendError, type Listing, listSources, parseListing } from '../src/entries/index.js';

// A mutation fuzzer over every real fixture, in the spirit of AFL's havoc stage: bytes flipped, ranges
// deleted, repeated (up to ×64: the amplification that finds superlinear paths) or spliced in from another
// fixture, and tokens that matter to one of the formats inserted. 10,000 cases per `pnpm test`; CI replays
// one fixed seed, local runs explore new ones (fast-check prints the seed of any failure).
const seed = process.env.CI ? 20_261_127 : undefined;
const RUNS = 10_000;

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** Every fixture, JSON arrays cut to their first two entries so one case costs about a millisecond. */
const corpus: string[] = readdirSync(fixturesDir).flatMap((folder) =>
  readdirSync(`${fixturesDir}${folder}`).map((name) => {
    const text = readFileSync(`${fixturesDir}${folder}/${name}`, 'utf8');
    if (!name.endsWith('.json')) return text;
    const value = JSON.parse(text) as unknown;
    return JSON.stringify(Array.isArray(value) ? value.slice(0, 2) : value, null, 1);
  }),
);

const TOKENS = [
  // markup
  '<',
  '>',
  '</entry>',
  '<entry>',
  '<title>',
  '</title>',
  '<i>',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#0;',
  '&quot;',
  'data-props="',
  '<link href="javascript:alert(1)"/>',
  '<a>'.repeat(40),
  // JSON
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  'null',
  '1e309',
  '-0',
  '"__proto__"',
  '"paper":{}',
  // page text and markdown
  '\n',
  '\r\n',
  '\n\n',
  '### [',
  '](',
  ')',
  '[image:',
  'Submitted by\n',
  '\n·\n',
  '3 authors',
  'Upvote\n\n12',
  // ids, dates, text
  '?',
  '#',
  'arXiv:',
  '2106.09685v2',
  '2026-02-30',
  '+99:99',
  '\uFEFF',
  '\uD800',
  '\u0000',
  '\u2028',
  '\u202E',
  ' '.repeat(64),
];

type Mutation =
  | { op: 'flip'; at: number; char: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'token'; at: number; token: number }
  | { op: 'splice'; at: number; from: number; source: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), char: fc.nat(0xffff) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(400) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
    times: fc.integer({ min: 2, max: 64 }),
  }),
  fc.record({ op: fc.constant('token' as const), at: fc.nat(), token: fc.nat(TOKENS.length - 1) }),
  fc.record({
    op: fc.constant('splice' as const),
    at: fc.nat(),
    from: fc.nat(),
    source: fc.nat(corpus.length - 1),
    length: fc.nat(300),
  }),
);

function apply(text: string, change: Mutation): string {
  const at = change.at % (text.length + 1);
  switch (change.op) {
    case 'flip':
      return text.slice(0, at) + String.fromCharCode(change.char) + text.slice(at + 1);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'repeat': {
      const piece = text.slice(at, at + change.length);
      return text.slice(0, at) + piece.repeat(change.times) + text.slice(at);
    }
    case 'token':
      return text.slice(0, at) + (TOKENS[change.token] as string) + text.slice(at);
    case 'splice': {
      const other = corpus[change.source] as string;
      const from = change.from % (other.length + 1);
      return text.slice(0, at) + other.slice(from, from + change.length) + text.slice(at);
    }
  }
}

function expectAccounted(listing: Listing): void {
  const errors = listing.issues.filter((issue) => issue.severity === 'error').length;
  expect(listing.papers.length + errors + listing.meta.duplicates).toBe(listing.meta.entries);
  for (const paper of listing.papers) {
    for (const url of Object.values(paper.links)) expect(url).toMatch(/^https?:\/\/[^\s]+$/);
  }
}

describe('fuzzing every parser with mutated real fixtures', () => {
  it(`${RUNS} mutated inputs: a Listing that accounts for every entry or a papertrend error, in linear time`, () => {
    const formats = listSources().map((source) => source.name);
    fc.assert(
      fc.property(
        fc.nat(corpus.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.option(fc.nat(formats.length - 1), { freq: 3 }),
        fc.boolean(),
        (which, changes, forced, asBytes) => {
          const text = changes.reduce(apply, corpus[which] as string);
          const input = asBytes ? new TextEncoder().encode(text) : text;
          const options = forced === null ? {} : { format: formats[forced] as string };
          const started = performance.now();
          let listing: Listing | undefined;
          try {
            listing = parseListing(input, options);
          } catch (error) {
            if (!isPapertrendError(error)) throw error;
          }
          const elapsed = performance.now() - started;
          // Linear: a wide bound per character (real fixtures parse at well under 0.1 µs a character).
          expect(elapsed).toBeLessThan(250 + text.length * 0.005);
          if (listing) expectAccounted(listing);
        },
      ),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }) },
    );
  }, 180_000);
});
