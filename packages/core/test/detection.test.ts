import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineSource,
  isListingFormatError,
  isUnknownFormatError,
  parseListing,
  type UnknownFormatError,
} from '../src/entries/index.js';
import { fixture, thrown } from './helpers.js';

// Only listings are listings: real text that is no paper listing is refused with a sentence saying what the
// closest format missed, and every real rendering is still read.

interface NegativeEntry {
  kind: string;
  name: string;
  text: string;
}
// Gathered by scripts/gather-negative-corpus.mjs from a Debian machine and the workspace's node_modules.
const corpus = gunzipSync(readFileSync(new URL('./fixtures/negative/corpus.jsonl.gz', import.meta.url)))
  .toString('utf8')
  .split('\n')
  .map((line) => JSON.parse(line) as NegativeEntry);

describe('text that is no listing is refused', () => {
  it(`the negative corpus: ${corpus.length} real files of ${new Set(corpus.map((entry) => entry.kind)).size} kinds, every one refused`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((entry) => entry.kind)).size).toBeGreaterThanOrEqual(12);
    const accepted = corpus.flatMap((entry) => {
      const error = thrown(() => parseListing(entry.text));
      return isUnknownFormatError(error) ? [] : [`${entry.kind} ${entry.name}: ${String(error)}`];
    });
    expect(accepted).toEqual([]);
  });

  it('says what the closest format missed', () => {
    const licence = corpus.find((entry) => entry.name.endsWith('Apache-2.0'));
    expect(licence).toBeDefined();
    const error = thrown(() => parseListing(licence?.text ?? '')) as UnknownFormatError;
    expect(error.message).toMatch(
      /the closest format is hf-page-text, but the text does not have its structure: looks like prose: .*no papers header/,
    );
    const passwd = thrown(() =>
      parseListing('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n'),
    );
    expect(isUnknownFormatError(passwd)).toBe(true);
  });

  it('this project’s own README is not a listing', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(isUnknownFormatError(thrown(() => parseListing(readme)))).toBe(true);
  });

  const word = fc.stringMatching(/^[a-z]{2,10}$/);
  const sentence = fc
    .array(word, { minLength: 4, maxLength: 18 })
    .map((words) => `${words.join(' ').replace(/^./, (first) => first.toUpperCase())}.`);
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((sentences) => sentences.join(' '));

  it('generated prose: paragraphs of sentences', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 12 }), (paragraphs) => {
        expect(isUnknownFormatError(thrown(() => parseListing(paragraphs.join('\n\n'))))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('generated markdown: headings, lists, code, quotes, links and prose', () => {
    const block = fc.oneof(
      paragraph,
      fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.array(word, { minLength: 1, maxLength: 6 }))
        .map(([level, words]) => `${'#'.repeat(level)} ${words.join(' ')}`),
      fc.array(sentence, { minLength: 1, maxLength: 5 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
      fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `\`\`\`ts\nconst ${words.join(' = ')};\n\`\`\``),
      sentence.map((text) => `> ${text}`),
      fc.tuple(word, word).map(([text, path]) => `See [${text}](https://example.com/${path}).`),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 15 }), (blocks) => {
        expect(isUnknownFormatError(thrown(() => parseListing(blocks.join('\n\n'))))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('every real rendering is still read', () => {
  it.each([
    ['trending-mar-11.txt', 'paragraphs'],
    ['daily-2024-08-01.txt', 'cards'],
    ['trending-2026-10-excerpt.md', 'markdown'],
  ])('%s (%s), with LF and with CRLF line ends', (name, layout) => {
    const text = fixture(`hf-page-text/${name}`);
    const listing = parseListing(text);
    expect(listing.format).toBe('hf-page-text');
    expect(listing.meta.layout).toBe(layout);
    expect(listing.papers.length).toBeGreaterThanOrEqual(4);
    expect(parseListing(text.replace(/\r?\n/g, '\r\n')).papers).toEqual(listing.papers);
  });

  it('titles and abstracts copied without the page header are still a listing', () => {
    const text = fixture('hf-page-text/trending-mar-11.txt');
    const body = text.slice(text.indexOf('Mar 11') + 'Mar 11'.length);
    expect(parseListing(body).papers).toEqual(parseListing(text).papers);
  });
});

describe('user sources and forced formats', () => {
  it('a user source can claim text the built-ins refuse, and a confident built-in beats an unsure user source', () => {
    const prose = corpus.find((entry) => entry.kind === 'licence')?.text ?? '';
    const notes = defineSource({
      name: 'notes',
      description: 'plain notes, one paper title a line',
      detect: (input) => ({ confidence: input.text?.startsWith('NOTES') ? 0.99 : 0.55 }),
      parse: () => ({ papers: [{ id: 'n1', title: 'Note', links: {}, metrics: {}, source: 'notes' }] }),
    });
    expect(parseListing(prose, { sources: [notes] }).format).toBe('notes');
    const markdown = fixture('hf-page-text/trending-2026-10-excerpt.md');
    expect(parseListing(markdown, { sources: [notes] }).format).toBe('hf-page-text');
    expect(parseListing(`NOTES\n${markdown}`, { sources: [notes] }).format).toBe('notes');
  });

  it('a forced format that does not fit is a ListingFormatError naming it, never "0 papers, 0 issues"', () => {
    const day = fixture('hf-api/2026-08-21.json');
    for (const [input, format, expected] of [
      [day, 'hf-page-text', /Cannot read this as hf-page-text: this is JSON/],
      [day, 'arxiv-atom', /Cannot read this as arxiv-atom: no <feed> or <rss> element/],
      ['<html><body>hello</body></html>', 'hf-page-text', /this is markup/],
      ['<html><body>hello</body></html>', 'hf-api', /Cannot read this as hf-api/],
      ['<html><body>hello</body></html>', 'papertrend-json', /Cannot read this as papertrend-json/],
    ] as const) {
      const error = thrown(() => parseListing(input, { format }));
      expect(isListingFormatError(error), `${format}: ${String(error)}`).toBe(true);
      expect((error as Error).message).toMatch(expected);
    }
  });
});
