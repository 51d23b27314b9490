// Linear time on hostile input: every pathological input of bench/pathological-inputs.ts at 10k, 100k and
// 1M characters, side by side with JSON.parse-free baselines of the same size (a plain split into lines),
// printing each growth ratio. Linear work grows ×10 per step; quadratic work ×100.
// Usage: pnpm bench (or node --import tsx bench/pathological.bench.ts).
import { createSearchIndex, isPapertrendError, parseListing } from '../src/entries/index.js';
// @ts-expect-error: a plain .mjs helper of the benches, without types.
import { vendoredCorpus } from './corpus.mjs';
import { PATHOLOGICAL, QUERY_SHAPES } from './pathological-inputs.js';

const SIZES = [10_000, 100_000, 1_000_000];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(run: () => void, rounds: number): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const rows: string[][] = [];
let worst = 0;
for (const input of PATHOLOGICAL) {
  const times = SIZES.map((size) => {
    const text = input.make(size);
    return time(
      () => {
        try {
          parseListing(text, input.format ? { format: input.format } : {});
        } catch (error) {
          if (!isPapertrendError(error)) throw error;
        }
      },
      size >= 1_000_000 ? 3 : 7,
    );
  });
  const [small = 0, medium = 0, large = 0] = times;
  const growth = large / Math.max(medium, 0.05);
  worst = Math.max(worst, growth);
  rows.push([
    input.name,
    ...times.map((ms) => ms.toFixed(1)),
    (medium / Math.max(small, 0.05)).toFixed(1),
    growth.toFixed(1),
  ]);
}

const header = ['input', '10k ms', '100k ms', '1M ms', '×(100k/10k)', '×(1M/100k)'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
const line = (row: string[]): string =>
  row
    .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
    .join('  ');
console.log('Parsers on pathological input (median ms; linear grows ×10 a step, quadratic ×100)');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(`worst growth 100k → 1M: ×${worst.toFixed(1)}`);

// The search box: hostile query shapes at 100 characters to 100k over the 2,966 vendored papers (fresh words
// each round, so no cached expansion answers). Past 1,000 characters a query is not read further.
const QUERY_SIZES = [100, 1_000, 10_000, 100_000];
const index = createSearchIndex(vendoredCorpus());
const queryRows: string[][] = [];
let worstQuery = 0;
for (const shape of QUERY_SHAPES) {
  let round = 0;
  const times = QUERY_SIZES.map((size) => {
    const query = shape.make(size);
    return time(() => {
      index.search(`${query} ${round++}`, { limit: 20 });
    }, 5);
  });
  const growth = (times[1] as number) / Math.max(times[0] as number, 0.05);
  worstQuery = Math.max(worstQuery, growth);
  queryRows.push([shape.name, ...times.map((ms) => ms.toFixed(2)), growth.toFixed(1)]);
}
const queryHeader = ['query', '100 ms', '1k ms', '10k ms', '100k ms', '×(1k/100)'];
const queryWidths = queryHeader.map((title, column) =>
  Math.max(title.length, ...queryRows.map((row) => (row[column] ?? '').length)),
);
console.log('\nSearch on hostile queries, 2,966 papers (median ms; the query is read up to 1,000 characters)');
for (const row of [queryHeader, ...queryRows]) {
  console.log(
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(queryWidths[0] ?? 0) : cell.padStart(queryWidths[column] ?? 0),
      )
      .join('  '),
  );
}
console.log(`worst growth 100 → 1,000 characters: ×${worstQuery.toFixed(1)}`);
