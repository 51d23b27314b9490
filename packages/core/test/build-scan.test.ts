/**
 * The build reads ASCII text as bytes (`Vocabulary.scan`), and only the stretches around characters outside
 * ASCII through the tokenizer; the two must index the same terms, with the same documents, fields and token
 * counts as the tokenizer reading each text whole. Checked on random text dense in what the byte scanner
 * decides by bit tricks: both cases, digits, hyphens and their chains, the bytes whose `| 32` lands near
 * letters or digits (`@`, `[`, `` ` ``, `{`, control characters), and in where the two readings meet: letters,
 * marks, hyphens, spaces and forms that fold into two tokens outside ASCII, next to all of those.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../src/model.js';
import { fromBase64 } from '../src/search/base64.js';
import { FIELD_BIT } from '../src/search/query-words.js';
import { FIELDS } from '../src/search/scoring.js';
import { createSearchIndex } from '../src/search/search-index.js';
import { STOP_WORDS, tokenSpans } from '../src/search/text.js';

const pieces = [
  'a',
  'Z',
  'q',
  'M',
  '0',
  '9',
  '-',
  '-',
  ' ',
  '@',
  '[',
  '`',
  '{',
  '\x10',
  '\x19',
  '\x7f',
  '.',
  'é',
  'Ω',
  '\u2013',
  // A combining accent, a hyphen and a space outside ASCII, a ligature (`fi`) and a fraction (`1`, `2`).
  '\u0301',
  '\u2010',
  '\u00a0',
  '\ufb01',
  '\u00bd',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((chars) => chars.join(''));

const paperOf = (title: string, abstract: string, i: number): Paper => ({
  id: `p${i}`,
  title,
  abstract,
  authors: [],
  links: {},
  metrics: {},
  source: 'test',
});

/** What the tokenizer reads: each term's postings as `doc:fields`, and each paper's token counts. */
function tokenizerReading(papers: Paper[]) {
  const postings = new Map<string, Map<number, number>>();
  const lengths: number[][] = [];
  papers.forEach((paper, doc) => {
    const counts: number[] = [];
    for (const [bit, value] of [
      [FIELD_BIT.title, paper.title],
      [FIELD_BIT.abstract, paper.abstract ?? ''],
    ] as const) {
      let count = 0;
      for (const span of tokenSpans(value)) {
        const docs = postings.get(span.token) ?? new Map<number, number>();
        docs.set(doc, (docs.get(doc) ?? 0) | bit);
        postings.set(span.token, docs);
        if (!span.joined) count++;
      }
      counts.push(count);
    }
    lengths.push(counts);
  });
  return { postings, lengths };
}

describe('the build reads text as the tokenizer does', () => {
  it('indexes the same terms, documents and fields from bytes as from the tokenizer', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 8 }), (pairs) => {
        const papers = pairs.map(([title, abstract], i) => paperOf(title, abstract, i));
        const index = createSearchIndex(papers);
        const saved = index.toJSON();
        const expected = tokenizerReading(papers);
        expect([...saved.terms].sort()).toEqual([...expected.postings.keys()].sort());
        // Each term's document count, and the results of searching it as a field-restricted word.
        expect(saved.counts).toEqual(saved.terms.map((term) => expected.postings.get(term)?.size));
        // Each paper's title and abstract length in tokens (joined chains not counted).
        const bytes = fromBase64(saved.lengths);
        const lengths = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
        const [title, abstract] = [FIELDS.indexOf('title'), FIELDS.indexOf('abstract')];
        const got = papers.map((_, doc) => [
          lengths[doc * FIELDS.length + title],
          lengths[doc * FIELDS.length + abstract],
        ]);
        expect(got).toEqual(expected.lengths);
        for (const [term, docs] of expected.postings) {
          const inTitles = [...docs].filter(([, fields]) => fields & FIELD_BIT.title).map(([doc]) => `p${doc}`);
          const found = index.search(`title:"${term}"`, { limit: Number.POSITIVE_INFINITY }).map((hit) => hit.paper.id);
          for (const id of inTitles) expect(found).toContain(id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('re-reads a field for phrases token by token as the tokenizer does, next to text outside ASCII too', () => {
    // Two tokens next to each other (stop words are transparent in phrases) must be found as a quoted
    // phrase: the re-reading that checks it reads ASCII as bytes and hands the rest to the tokenizer, and a
    // token lost, doubled or moved where the two meet breaks the run.
    const words = fc.array(fc.constantFrom(...pieces, 'é', 'x\u0301', 'ﬁ', '½', ' ', ' '), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(words, fc.nat(), (chars, pick) => {
        const title = chars.join('');
        const plain = tokenSpans(title)
          .filter((span) => !span.joined)
          .map((span) => span.token)
          .filter((token) => !STOP_WORDS.has(token));
        fc.pre(plain.length >= 2);
        const at = pick % (plain.length - 1);
        const phrase = `${plain[at]} ${plain[at + 1]}`;
        const index = createSearchIndex([paperOf(title, '', 0), paperOf('unrelated words only', '', 1)]);
        const found = index.search(`title:"${phrase}"`).map((hit) => hit.paper.id);
        expect(found, `"${phrase}" in ${JSON.stringify(title)}`).toContain('p0');
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a stretch at every word', 'é a '],
    ['one hyphen chain through them all', 'é-a-'],
    ['marks and ligatures between ASCII words', 'x\u0301 ﬁ ½ word '],
  ])('builds text outside ASCII in linear time: %s (×10 input is far from ×100 time)', (_name, unit) => {
    const build = (repeat: number): number => {
      const paper = paperOf('title', unit.repeat(repeat), 0);
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        createSearchIndex([paper]);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    build(2_000);
    build(20_000);
    const small = Math.max(build(2_000), 0.5);
    expect(build(20_000) / small).toBeLessThan(30);
  });
});
