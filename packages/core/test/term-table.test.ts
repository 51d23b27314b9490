/**
 * The term table against a Map: every term added is found again, by its characters in a string or as ASCII
 * bytes in either case, through every growth of the table, and nothing else is. Long terms, and terms whose
 * characters lie past where a slot can say so, are read from the table's other record of where they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermTable } from '../src/search/term-table.js';
import { hashOf } from '../src/search/text.js';

if (process.env.CI) fc.configureGlobal({ seed: 20_261_205 });

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** Lower-case ASCII words of 1–300 letters and digits: most short, some past what a slot holds (255). */
const asciiTerm = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[a-z0-9]{1,12}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{250,300}$/) },
);
/** Terms as the tokenizer makes them outside ASCII too (folded text keeps other letters). */
const anyTerm = fc.oneof(asciiTerm, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }));

/** Is the table's answer for each of `queries` the Map's? */
function agrees(table: TermTable, ids: Map<string, number>, queries: string[]): void {
  for (const query of queries) {
    const id = ids.get(query) ?? -1;
    expect(table.idOf(query)).toBe(id);
    expect(table.lookup(`<${query}>`, 1, query.length + 1, hashOf(query))).toBe(id);
    if (/^[a-z0-9]+$/.test(query)) {
      // As bytes, in capitals: the table folds them as it compares.
      const bytes = bytesOf(` ${query.toUpperCase()} `);
      expect(table.lookupBytes(bytes, 1, query.length + 1, hashOf(query))).toBe(id);
    }
  }
}

describe('the term table', () => {
  it('finds every term added, by string and by bytes, through every growth, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(anyTerm, { maxLength: 400 }),
        fc.array(anyTerm, { maxLength: 50 }),
        (terms, others) => {
          const table = new TermTable();
          const ids = new Map<string, number>();
          for (const term of terms) {
            expect(table.idOf(term)).toBe(-1);
            ids.set(term, table.add(term));
            expect(ids.get(term)).toBe(ids.size - 1);
          }
          agrees(table, ids, [...terms, ...others]);
          expect(table.terms).toEqual(terms);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a hyphen chain joined, its hyphens skipped in place', () => {
    const table = new TermTable();
    const id = table.add('pretrained');
    const bytes = bytesOf('a Pre-Trained model');
    expect(table.lookupBytes(bytes, 2, 13, hashOf('pretrained'), 10)).toBe(id);
    expect(table.lookupBytes(bytes, 2, 13, hashOf('pretrained'), 11)).toBe(-1);
  });

  it('finds terms whose characters start past 2^23 code units, and finds them again after growing', () => {
    const table = new TermTable();
    const ids = new Map<string, number>();
    const huge = 'x'.repeat(1 << 23);
    ids.set(huge, table.add(huge));
    const after = Array.from({ length: 3000 }, (_, i) => `term${i}`);
    for (const term of after) ids.set(term, table.add(term));
    agrees(table, ids, [huge, ...after, 'term3000', 'x']);
  });

  it('is empty after `clear`, and fills again', () => {
    const table = new TermTable();
    for (let i = 0; i < 100; i++) table.add(`w${i}`);
    table.clear();
    expect(table.idOf('w1')).toBe(-1);
    expect(table.add('w2')).toBe(0);
    expect(table.idOf('w2')).toBe(0);
    expect(table.idOf('w1')).toBe(-1);
  });
});
