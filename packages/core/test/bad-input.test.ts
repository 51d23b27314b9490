import { describe, expect, it } from 'vitest';
import {
  HttpError,
  isListingValidationError,
  isPapertrendError,
  isRequestError,
  isUnknownFormatError,
  ListingValidationError,
  NetworkError,
  parseListing,
  UnknownFormatError,
} from '../src/entries/index.js';
import { fixture, thrown } from './helpers.js';

const day = JSON.parse(fixture('hf-api/2026-08-21.json')) as Record<string, unknown>[];
const entry = (index: number): Record<string, unknown> => structuredClone(day[index]) as Record<string, unknown>;
const paperOf = (value: Record<string, unknown>): Record<string, unknown> => value.paper as Record<string, unknown>;

describe('input that is no listing at all gets a typed error naming what was expected', () => {
  it.each([
    ['empty text', '', /the input is empty/],
    ['whitespace', '  \n\t ', /the input is empty/],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
    [
      'an HTML error page',
      '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>busy</body></html>',
      /an HTML page \("503 Service Unavailable"\)/,
    ],
    [
      'truncated JSON',
      fixture('hf-api/2026-08-21.json').slice(0, 5000),
      /starts like JSON but does not parse.*truncated/,
    ],
    ['JSON of another shape', '{"error":"Invalid date"}', /a JSON object with keys \{error\}/],
    ['a JSON number', '42', /a JSON number, expected an array or object/],
    [
      'the Python-repr list capture',
      fixture('malformed/2024-12-11.list-of-python-repr-strings.json'),
      /a JSON array of strings.*Python reprs/,
    ],
    [
      'the wrapper capture',
      fixture('malformed/2025-01-10.wrapper-with-python-repr-strings.json'),
      /a JSON object with keys \{status, date, count, data\}/,
    ],
  ])('%s', (_name, input, reason) => {
    const error = thrown(() => parseListing(input));
    expect(isUnknownFormatError(error)).toBe(true);
    expect((error as UnknownFormatError).message).toMatch(reason);
    expect((error as UnknownFormatError).tried).toEqual([
      'papertrend-json',
      'papertrend-feed',
      'hf-api',
      'hf-html',
      'arxiv-atom',
      'hf-page-text',
    ]);
  });

  it('names the formats when the requested one does not exist', () => {
    expect(() => parseListing('[]', { format: 'rss' })).toThrow(
      /no source is named "rss".*papertrend-json, papertrend-feed, hf-api, hf-html, arxiv-atom, hf-page-text/,
    );
  });

  it('reads the Python-repr capture entry by entry when the format is forced, rejecting each with a hint', () => {
    const listing = parseListing(fixture('malformed/2024-12-11.list-of-python-repr-strings.json'), {
      format: 'hf-api',
    });
    expect(listing.papers).toEqual([]);
    expect(listing.issues.length).toBe(listing.meta.entries);
    expect(listing.issues[0]).toMatchObject({ severity: 'error', position: { index: 0, path: [0] } });
    expect(listing.issues[0]?.message).toMatch(/Python repr/);
    expect(listing.issues[0]?.snippet.length).toBeLessThanOrEqual(200);
  });
});

describe('bad entries among good ones', () => {
  it('keeps the good entries and reports the bad one with its position', () => {
    const bad = entry(1);
    paperOf(bad).title = 42;
    const listing = parseListing([entry(0), bad, 'not an entry', entry(2)]);
    expect(listing.papers.map((paper) => paper.id)).toEqual([paperOf(entry(0)).id, paperOf(entry(2)).id]);
    expect(listing.issues).toHaveLength(2);
    expect(listing.issues[0]).toMatchObject({ severity: 'error', position: { path: [1, 'paper', 'title'] } });
    expect(listing.issues[0]?.message).toMatch(/paper\.title/);
    expect(listing.issues[1]).toMatchObject({ severity: 'error', position: { index: 2, path: [2] } });
    expect(listing.meta.entries).toBe(4);
  });

  it('drops a wrongly typed optional field with a warning and keeps the paper', () => {
    const bad = entry(0);
    paperOf(bad).githubStars = '12';
    paperOf(bad).ai_keywords = ['ok', 7];
    const listing = parseListing([bad]);
    expect(listing.papers).toHaveLength(1);
    expect(listing.papers[0]?.metrics.githubStars).toBeUndefined();
    expect(listing.papers[0]?.metrics.upvotes).toBe(163);
    expect(listing.issues.map((issue) => [issue.severity, issue.position.path])).toEqual([
      ['warning', [0, 'paper', 'githubStars']],
      ['warning', [0, 'paper', 'ai_keywords', 1]],
    ]);
    expect(listing.papers[0]?.keywords).toEqual(['ok']);
  });

  it('treats blank required text as missing and blank optional accounts as absent (found by fast-check)', () => {
    const blankTitle = entry(0);
    paperOf(blankTitle).title = '  \n ';
    const blankOrganization = entry(9);
    (paperOf(blankOrganization).organization as { name: string }).name = '';
    (blankOrganization.organization as { name: string }).name = ' ';
    const listing = parseListing([blankTitle, blankOrganization]);
    expect(listing.issues.map((issue) => issue.position.path)).toEqual([[0, 'paper', 'title']]);
    expect(listing.papers).toHaveLength(1);
    expect(listing.papers[0]?.organization).toBeUndefined();
  });

  it('ignores unknown extra fields', () => {
    const extra = entry(0);
    extra.somethingNew = { nested: [1, 2, 3] };
    paperOf(extra).futureField = 'x';
    const listing = parseListing([extra]);
    expect(listing.issues).toEqual([]);
    expect(listing.papers[0]).not.toHaveProperty('futureField');
  });

  it('never lets a non-http(s) URL into a Paper, and says so', () => {
    const hostile = entry(0);
    paperOf(hostile).githubRepo = 'javascript:alert(document.cookie)';
    paperOf(hostile).projectPage = 'data:text/html,<script>alert(1)</script>';
    hostile.thumbnail = 'vbscript:msgbox(1)';
    const listing = parseListing([hostile]);
    const paper = listing.papers[0];
    expect(paper?.links.code).toBeUndefined();
    expect(paper?.links.project).toBeUndefined();
    expect(paper?.links.thumbnail).toBeUndefined();
    expect(listing.issues.filter((issue) => issue.severity === 'warning')).toHaveLength(3);
    for (const url of Object.values(paper?.links ?? {})) expect(url).toMatch(/^https?:\/\//);
  });

  it('keeps HTML in titles and abstracts as the literal text it is', () => {
    const hostile = entry(0);
    // The entry's own title is the one read (it keeps TeX); arXiv's copy under `paper` is the fallback.
    (hostile as { title?: string }).title = '<img src=x onerror=alert(1)> Attention';
    paperOf(hostile).title = 'Attention';
    paperOf(hostile).summary = '<script>alert(1)</script> is text';
    const paper = parseListing([hostile]).papers[0];
    expect(paper?.title).toBe('<img src=x onerror=alert(1)> Attention');
    expect(paper?.abstract).toBe('<script>alert(1)</script> is text');
  });

  it('throws one typed error with every issue under strict', () => {
    const bad = entry(1);
    delete paperOf(bad).id;
    const error = thrown(() => parseListing([entry(0), bad, 5], { strict: true }));
    expect(isListingValidationError(error)).toBe(true);
    expect(error).toBeInstanceOf(ListingValidationError);
    expect((error as ListingValidationError).issues).toHaveLength(2);
    expect((error as Error).message).toMatch(/2 problem\(s\) in hf-api input:\n {2}- \$\[1\]\.paper\.id/);
  });

  it('guards recognise errors from another realm by name', () => {
    const foreign = Object.assign(new Error('x'), { name: 'UnknownFormatError' });
    expect(isUnknownFormatError(foreign)).toBe(true);
    expect(isUnknownFormatError(new Error('x'))).toBe(false);
    // A second copy of papertrend (another realm, a duplicated install) brands its errors the same way.
    const twin = Object.assign(new Error('y'), { name: 'HttpError', [Symbol.for('papertrend.error')]: true });
    expect(isPapertrendError(twin)).toBe(true);
    expect(isPapertrendError(Object.assign(new Error('z'), { name: 'HttpError' }))).toBe(false);
    // Every error class is a papertrend error, the client's included.
    const request = { method: 'GET', url: 'https://x.test/', retries: 0 };
    for (const error of [new HttpError(request, 503, 'Service Unavailable', ''), new NetworkError(request, 'down')]) {
      expect(isPapertrendError(error)).toBe(true);
      expect(isRequestError(error)).toBe(true);
    }
    expect(isRequestError(new UnknownFormatError('r', []))).toBe(false);
  });
});
