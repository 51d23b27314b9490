import { describe, expect, it } from 'vitest';
import { normalizeArxivId, parseArxivId, toHttpUrl } from '../src/entries/index.js';
import { cleanLine, cleanParagraphs, parseCount, parsePrintedDate } from '../src/parse/normalize.js';

describe('arXiv ids in every form users meet', () => {
  it.each([
    ['2106.09685', { id: '2106.09685' }],
    ['2106.09685v2', { id: '2106.09685', version: 2 }],
    ['arXiv:2106.09685v2', { id: '2106.09685', version: 2 }],
    ['oai:arXiv.org:2106.09685', { id: '2106.09685' }],
    ['https://arxiv.org/abs/2106.09685v3', { id: '2106.09685', version: 3 }],
    ['http://export.arxiv.org/abs/2106.09685', { id: '2106.09685' }],
    ['https://arxiv.org/pdf/2106.09685v2.pdf', { id: '2106.09685', version: 2 }],
    ['https://huggingface.co/papers/2106.09685', { id: '2106.09685' }],
    ['10.48550/arXiv.2106.09685', { id: '2106.09685' }],
    ['https://doi.org/10.48550/arXiv.2106.09685', { id: '2106.09685' }],
    ['0704.0001', { id: '0704.0001' }],
    ['hep-th/9901001v1', { id: 'hep-th/9901001', version: 1 }],
    ['math.CA/0611800', { id: 'math/0611800' }],
    ['quant-ph/0201082v1', { id: 'quant-ph/0201082', version: 1 }],
  ])('%s', (raw, expected) => {
    expect(parseArxivId(raw)).toEqual(expected);
  });

  it.each(['', 'abc', '2106.096', '10.1145/3292500', 'https://example.com/abs/2106.09685'])('rejects %j', (raw) => {
    expect(normalizeArxivId(raw)).toBeUndefined();
  });
});

describe('URLs', () => {
  it.each([
    ['https://github.com/\nFightingFighting/NeuroAda.git', 'https://github.com/FightingFighting/NeuroAda.git'],
    [' https://sites.google.com/view/adc-robot', 'https://sites.google.com/view/adc-robot'],
    ['github.com/edwardjhu/TP4', 'https://github.com/edwardjhu/TP4'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,hi', undefined],
    ['ftp://example.com/x', undefined],
    ['', undefined],
  ])('%j', (raw, expected) => {
    expect(toHttpUrl(raw)).toBe(expected);
  });

  it('resolves relative URLs against a base', () => {
    expect(toHttpUrl('/avatars/a.svg', 'https://huggingface.co')).toBe('https://huggingface.co/avatars/a.svg');
  });
});

describe('printed numbers, dates and text', () => {
  it('expands abbreviated counts', () => {
    expect([
      parseCount('131'),
      parseCount('1.54k'),
      parseCount('110k'),
      parseCount('2,345'),
      parseCount('1.2M'),
    ]).toEqual([131, 1540, 110_000, 2345, 1_200_000]);
    expect(parseCount('many')).toBeUndefined();
  });

  it('reads printed days only when they carry a year', () => {
    expect(parsePrintedDate('Oct 4, 2026')).toBe('2026-10-04');
    expect(parsePrintedDate('September 16 2026')).toBe('2026-09-16');
    expect(parsePrintedDate('Mar 11')).toBeUndefined();
    expect(parsePrintedDate('Foo 4, 2026')).toBeUndefined();
  });

  it('trims spaces beyond ASCII at the ends, and keeps them inside (a title of one en quad is blank)', () => {
    expect(cleanLine('\u2000')).toBe('');
    expect(cleanLine('\u3000Title\u00a0')).toBe('Title');
    expect(cleanLine('1\u2009000 tokens')).toBe('1\u2009000 tokens');
  });

  it('joins hard wraps and keeps paragraph breaks', () => {
    expect(cleanParagraphs('one\n  two\n\n three\nfour ')).toBe('one two\n\nthree four');
  });
});
