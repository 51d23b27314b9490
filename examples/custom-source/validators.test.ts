import { defineSource, type EntrySchema, type Paper, parseListing, validateEntry } from '@papertrend/core';
import { type } from 'arktype';
import * as v from 'valibot';
import { expect, it } from 'vitest';
import { z as z4 } from 'zod';
import { z as z3 } from 'zod3';

// The same source written with four real validators: zod 4 natively, zod 3, valibot and arktype through
// Standard Schema. Each salvages alike: a wrongly typed optional field is dropped with a warning and the
// paper kept; a broken required field rejects the entry with its path.
const schemas: [string, EntrySchema][] = [
  ['zod 4', z4.object({ title: z4.string().min(1), arxiv: z4.string(), stars: z4.number().optional() })],
  ['zod 3', z3.object({ title: z3.string().min(1), arxiv: z3.string(), stars: z3.number().optional() })],
  [
    'valibot',
    v.object({ title: v.pipe(v.string(), v.minLength(1)), arxiv: v.string(), stars: v.optional(v.number()) }),
  ],
  ['arktype', type({ title: 'string > 0', arxiv: 'string', 'stars?': 'number' })],
];

const rows = [
  { title: 'LoRA: Low-Rank Adaptation', arxiv: '2106.09685', stars: 11_000 },
  { title: 'Attention Is All You Need', arxiv: '1706.03762', stars: 'many' },
  { title: 42, arxiv: '1702.08734' },
  { arxiv: '1810.04805' },
];

it.each(schemas)('%s: a user source validates and salvages entries', (_name, schema) => {
  const source = defineSource({
    name: 'rows',
    description: 'rows of title, arxiv, stars',
    detect: (input) =>
      Array.isArray(input.json) && input.json.every((row) => typeof row === 'object' && 'arxiv' in row),
    parse(input, context) {
      const papers: Paper[] = [];
      (input.json as unknown[]).forEach((raw, index) => {
        const row = validateEntry(schema, raw, [index], context) as
          | { title: string; arxiv: string; stars?: number }
          | undefined;
        if (!row) return;
        const paper: Paper = { id: row.arxiv, title: row.title, links: {}, metrics: {}, source: 'rows' };
        if (row.stars !== undefined) paper.metrics.githubStars = row.stars;
        papers.push(paper);
      });
      return { papers, meta: { entries: (input.json as unknown[]).length } };
    },
  });
  const listing = parseListing(JSON.stringify(rows), { sources: [source] });
  expect(listing.papers.map((paper) => [paper.id, paper.metrics.githubStars])).toEqual([
    ['2106.09685', 11_000],
    ['1706.03762', undefined],
  ]);
  expect(listing.issues.map((issue) => [issue.severity, issue.position.path])).toEqual([
    ['warning', [1, 'stars']],
    ['error', [2, 'title']],
    ['error', [3, 'title']],
  ]);
  expect(listing.issues[0]?.message).toMatch(/^dropped stars: /);
  expect(listing.issues[1]?.message).toMatch(/^invalid entry at title: /);
});

it('refuses a schema that is neither zod 4 nor a Standard Schema, and an asynchronous one, with a TypeError', () => {
  const asyncSchema = { '~standard': { version: 1, vendor: 'x', validate: async () => ({ value: 1 }) } };
  const source = (schema: unknown) =>
    defineSource({
      name: 'odd',
      description: 'odd',
      detect: () => true,
      parse: (_input, context) => {
        validateEntry(schema as never, {}, [0], context);
        return { papers: [] };
      },
    });
  expect(() => parseListing('[]', { sources: [source({ parse: () => 1 })] })).toThrow(
    /zod 4 schema or a Standard Schema/,
  );
  expect(() => parseListing('[]', { sources: [source(asyncSchema)] })).toThrow(/synchronous/);
});
