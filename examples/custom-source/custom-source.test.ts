import { readFileSync } from 'node:fs';
import { parseListing, registerSource } from '@papertrend/core';
import { afterEach, expect, it } from 'vitest';
import { csvSource } from './csv-source.js';

const csv = readFileSync(new URL('./papers.csv', import.meta.url), 'utf8');
let unregister = (): void => {};
afterEach(() => unregister());

it('is not known until registered, then auto-detected', () => {
  // Unregistered, the CSV is no format papertrend knows: refused, with what the closest format missed.
  expect(() => parseListing(csv)).toThrow(/Not a paper listing: the closest format is hf-page-text/);
  unregister = registerSource(csvSource);
  const listing = parseListing(csv);
  expect(listing.format).toBe('papers-csv');
  expect(listing.papers.map((paper) => paper.id)).toEqual(['2106.09685', '1706.03762', '1702.08734']);
  expect(listing.papers[0]).toMatchObject({ version: 2, metrics: { githubStars: 11000 } });
  expect(listing.papers[1]?.links.code).toBeUndefined();
  expect(listing.papers[2]?.metrics.githubStars).toBeUndefined();
  expect(listing.papers[2]?.authors?.[2]?.name).toBe('Hervé Jégou');
  expect(listing.issues.map((issue) => [issue.severity, issue.position.path ?? issue.position.line])).toEqual([
    ['warning', 3],
    ['error', [2, 'title']],
    ['warning', [3, 'stars']],
  ]);
  expect(listing.papers.length + listing.issues.filter((i) => i.severity === 'error').length).toBe(
    listing.meta.entries,
  );
});

it('can be given for one call, and a registered source can take priority over built-ins', () => {
  expect(parseListing(csv, { sources: [csvSource] }).format).toBe('papers-csv');
  const greedy = { ...csvSource, name: 'greedy', detect: () => true };
  unregister = registerSource(greedy);
  expect(parseListing('[]').format).toBe('greedy');
  unregister();
  unregister = registerSource(greedy, { priority: 'last' });
  expect(parseListing('[]').format).toBe('hf-api');
});
