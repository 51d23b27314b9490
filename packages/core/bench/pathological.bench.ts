// Linear time on hostile input: every pathological input of bench/pathological-inputs.ts at 10k, 100k and
// 1M characters, side by side with JSON.parse-free baselines of the same size (a plain split into lines),
// printing each growth ratio. Linear work grows ×10 per step; quadratic work ×100.
// Usage: pnpm bench (or node --import tsx bench/pathological.bench.ts).
import { isPapertrendError, parseListing } from '../src/index.js';
import { PATHOLOGICAL } from './pathological-inputs.js';

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
