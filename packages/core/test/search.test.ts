import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  createSearchIndex,
  isSearchIndexFormatError,
  loadSearchIndex,
  type Paper,
  parseListing,
  type SearchIndex,
  saveSearchIndex,
} from '../src/entries/index.js';
import type { SerializedSearchIndex } from '../src/entries/search.js';
import { runChild } from './child-process.js';
import { corpusDays, fixture } from './helpers.js';

function paper(id: string, fields: Partial<Paper> = {}): Paper {
  return { id, title: `Paper ${id}`, links: {}, metrics: {}, source: 'test', ...fields };
}

const small: Paper[] = [
  paper('a', {
    title: 'Attention Is All You Need',
    abstract: 'The dominant sequence transduction models are based on recurrent networks.',
    authors: [{ name: 'Ashish Vaswani' }, { name: 'Noam Shazeer' }],
    metrics: { upvotes: 10 },
    publishedAt: '2017-06-12',
    links: { code: 'https://github.com/tensorflow/tensor2tensor' },
  }),
  paper('b', {
    title: 'LoRA: Low-Rank Adaptation of Large Language Models',
    abstract: 'We propose Low-Rank Adaptation, or LoRA, which freezes the pretrained weights.',
    authors: [{ name: 'Edward Hu' }],
    metrics: { upvotes: 50 },
    publishedAt: '2021-06-17',
  }),
  paper('c', {
    title: 'Billion-scale similarity search with GPUs',
    abstract: 'Similarity search finds application in specialized database systems.',
    authors: [{ name: 'Jeff Johnson' }, { name: 'Matthijs Douze' }, { name: 'Hervé Jégou' }],
    metrics: { upvotes: 30 },
    publishedAt: '2017-02-28',
    source: 'other',
  }),
  paper('d', {
    title: 'Neural Tangent Kernel: Convergence and Generalization',
    abstract: 'We show that the NTK describes the evolution of networks during training.',
    keywords: ['NTK', 'infinite width'],
    publishedAt: '2018-06-20',
  }),
];
const ids = (hits: { paper: Paper }[]): string[] => hits.map((hit) => hit.paper.id);

describe('search index: matching', () => {
  const index = createSearchIndex(small);

  it('finds by title words in any order, by prefix while typing, despite typos', () => {
    expect(ids(index.search('all you need attention'))[0]).toBe('a');
    expect(ids(index.search('atten'))[0]).toBe('a');
    expect(ids(index.search('atention'))[0]).toBe('a');
    expect(ids(index.search('low rank adaptaton'))[0]).toBe('b');
    expect(ids(index.search('simlarity serch'))[0]).toBe('c');
  });

  it('finds acronyms, keywords, authors and accented names without the accents', () => {
    expect(ids(index.search('LoRA'))[0]).toBe('b');
    expect(ids(index.search('ntk'))[0]).toBe('d');
    expect(ids(index.search('vaswani'))).toEqual(['a']);
    expect(ids(index.search('jegou'))).toEqual(['c']);
    expect(ids(index.search('JÉGOU'))).toEqual(['c']);
  });

  it('ranks title matches above abstract-only matches', () => {
    // "similarity" is in c's title; "networks" only in abstracts.
    expect(ids(index.search('similarity'))[0]).toBe('c');
    expect(ids(index.search('networks')).sort()).toEqual(['a', 'd']);
  });

  it('completes a prefix being typed to words, never to a stop word', () => {
    // Every paper has `of`, `on`, `or` or `our`; one has a word of its own starting with `o`.
    const papers = [
      paper('x', { title: 'A survey of methods', abstract: 'Our view on it.' }),
      paper('y', { title: 'Scaling laws on graphs', abstract: 'Or not, of course.' }),
      paper('z', { title: 'Orbital mechanics of rockets' }),
    ];
    const stopWords = createSearchIndex(papers);
    expect(ids(stopWords.search('o'))).toEqual(['z']);
    expect(ids(stopWords.search('rockets o'))).toEqual(['z']);
    // A stop word typed whole is still found, as the last prefix.
    expect(ids(stopWords.search('of')).sort()).toEqual(['x', 'y', 'z']);
  });

  it('reads a slip in the word being typed as what its nearest spelling goes on to be', () => {
    // `modle` is one slip from `model` and two from `models`: only completions of the near spelling reach it.
    const papers = [
      paper('models', { title: 'Text to video diffusion models with an expert transformer' }),
      paper('model', { title: 'A diffusion classifier', abstract: 'We train a model of shapes.' }),
    ];
    const slips = createSearchIndex(papers);
    expect(ids(slips.search('diffusion modle'))).toEqual(['models', 'model']);
    const title = slips.search('diffusion modle')[0]?.matches.find((match) => match.field === 'title');
    expect(title?.ranges.map(([start, end]) => title.value.slice(start, end))).toEqual(['diffusion', 'model']);
    // Letters some word starts with are a word being typed, not a slip: `mod` completes as ever.
    expect(ids(slips.search('diffusion mod')).sort()).toEqual(['model', 'models']);
    // A finished word (a space after it) is not completed.
    expect(ids(slips.search('modle '))).toEqual(['model']);
  });

  it('returns nothing for words no paper has', () => {
    expect(index.search('zzzzqqq')).toEqual([]);
  });

  it('returns the listing order for an empty query, or the chosen sort', () => {
    expect(ids(index.search(''))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(index.search('  ', { sort: 'upvotes' }))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(index.search('', { sort: 'date' }))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(index.search('', { limit: 2 }))).toEqual(['a', 'b']);
  });
});

describe('search index: highlight ranges', () => {
  const index = createSearchIndex(small);

  it('gives ranges on the original text, per field and list entry', () => {
    const [hit] = index.search('attention need');
    const title = hit?.matches.find((match) => match.field === 'title');
    expect(title?.value).toBe('Attention Is All You Need');
    expect(title?.ranges.map(([start, end]) => title.value.slice(start, end))).toEqual(['Attention', 'Need']);
  });

  it('highlights only the typed part of a prefix match', () => {
    const [hit] = index.search('transduc');
    const abstract = hit?.matches.find((match) => match.field === 'abstract');
    expect(abstract?.ranges.map(([start, end]) => abstract.value.slice(start, end))).toEqual(['transduc']);
  });

  it('is correct on non-ASCII text: the accented name, the author index', () => {
    const [hit] = index.search('jegou');
    const author = hit?.matches.find((match) => match.field === 'authors');
    expect(author).toMatchObject({ index: 2, value: 'Hervé Jégou' });
    expect(author?.ranges.map(([start, end]) => author.value.slice(start, end))).toEqual(['Jégou']);
  });

  it('gives hits as plain objects: an own, enumerable matches, computed once, that spreading and JSON keep', () => {
    const [hit] = index.search('attention need');
    if (!hit) throw new Error('no hit');
    expect(Object.getPrototypeOf(hit)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(hit)).toEqual(['paper', 'score', 'matches']);
    expect(Object.getOwnPropertySymbols(hit)).toEqual([]);
    // Spread before the first read: the copy has the matches, and the hit keeps the same ones.
    const copy = { ...hit };
    expect(copy.matches.map((match) => match.field)).toEqual(['title']);
    expect(hit.matches).toBe(copy.matches);
    expect(JSON.parse(JSON.stringify(hit)).matches).toEqual(JSON.parse(JSON.stringify(hit.matches)));
    // Each hit keeps its own query's terms, read after later searches.
    const [other] = index.search('lora');
    index.search('similarity');
    const later = index.search('neural tangent');
    expect(other?.matches[0]?.value).toBe('LoRA: Low-Rank Adaptation of Large Language Models');
    expect(later[0]?.matches.map((match) => match.field)).toEqual(['title']);
  });

  it('keeps ranges right after astral characters and combining marks', () => {
    const tricky = createSearchIndex([paper('x', { title: '𝔘nicode 🚀 Cafe\u0301 Ｔｒａｎｓｆｏｒｍｅｒ models' })]);
    const [hit] = tricky.search('cafe transformer models');
    const title = hit?.matches[0];
    expect(title?.ranges.map(([start, end]) => title.value.slice(start, end))).toEqual([
      'Cafe\u0301',
      'Ｔｒａｎｓｆｏｒｍｅｒ',
      'models',
    ]);
  });
});

describe('search index: filters, sorts, incremental adds, serialisation', () => {
  it('filters by date range, code, upvotes, source and a predicate', () => {
    const index = createSearchIndex(small);
    expect(ids(index.search('', { filter: { from: '2017-06-01', to: '2018-12-31' } }))).toEqual(['a', 'd']);
    expect(ids(index.search('', { filter: { hasCode: true } }))).toEqual(['a']);
    expect(ids(index.search('', { filter: { minUpvotes: 30 } }))).toEqual(['b', 'c']);
    expect(ids(index.search('search', { filter: { source: 'other' } }))).toEqual(['c']);
    expect(ids(index.search('', { filter: (p) => p.id !== 'a' }))).toEqual(['b', 'c', 'd']);
  });

  it('sorts relevant results by upvotes or date', () => {
    const index = createSearchIndex(small);
    expect(ids(index.search('networks', { sort: 'date' }))).toEqual(['d', 'a']);
    expect(ids(index.search('networks', { sort: 'upvotes' }))).toEqual(['a', 'd']);
  });

  it('adds papers without a rebuild, and they are found like the rest', () => {
    const index = createSearchIndex(small.slice(0, 2));
    expect(index.search('jegou')).toEqual([]);
    index.add(small.slice(2));
    expect(index.size).toBe(4);
    expect(ids(index.search('jegou'))).toEqual(['c']);
    expect(ids(index.search('atention'))[0]).toBe('a');
  });

  it('round-trips through JSON and answers exactly as the original', () => {
    const papers = parseListing(fixture('hf-api/2026-08-21.json')).papers;
    const index = createSearchIndex(papers);
    const loaded = loadSearchIndex(JSON.parse(JSON.stringify(index.toJSON())), papers);
    for (const query of ['agent', 'envharnes', 'video generation', 'reinforcement learning', 'taesiri', '']) {
      expect(loaded.search(query)).toEqual(index.search(query));
    }
    expect(() => loadSearchIndex(index.toJSON(), papers.slice(1))).toThrow(/not the ones it was built from/);
    expect(() => loadSearchIndex({ format: 'x' } as never, papers)).toThrow(/not a papertrend search index/);
  });

  it('reads base64 wrapped in lines (as a mail or an editor may wrap it) like the plain form', () => {
    const papers = parseListing(fixture('hf-api/2026-08-21.json')).papers;
    const saved = createSearchIndex(papers).toJSON();
    const wrapped = { ...saved, postings: (saved.postings.match(/.{1,76}/g) as string[]).join('\n') };
    expect(loadSearchIndex(wrapped, papers).toJSON()).toEqual(saved);
  });
});

describe('search index: postings are written in batches', () => {
  it('builds the same index in one call (several batches) as paper by paper, and answers alike', () => {
    // Three copies of the corpus with distinct ids: ~9,000 papers, over a million postings, so the one-call
    // build empties its batch into the lists several times and then trims them.
    const corpus = corpusDays().flatMap((day) => parseListing(day.text).papers);
    const papers = [0, 1, 2].flatMap((copy) => corpus.map((paper) => ({ ...paper, id: `${copy}:${paper.id}` })));
    const whole = createSearchIndex(papers);
    const saved = whole.toJSON();
    expect(saved.counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(1 << 20);
    const byChunks = createSearchIndex([]);
    for (let at = 0; at < papers.length; at += 97) byChunks.add(papers.slice(at, at + 97));
    expect(byChunks.toJSON()).toEqual(saved);
    for (const query of ['diffusion', 'reinforcement learning', 'atention', 'jegou', 'video gen']) {
      expect(ids(byChunks.search(query, { limit: 20 }))).toEqual(ids(whole.search(query, { limit: 20 })));
    }
  });

  it('answers alike from a large build kept in segments and from its saved form, read as one', () => {
    // Ten copies: ~5 million postings, past what a build lays out as one segment, so its batches stay
    // segments that every reader (scores, exclusions, the saved form) walks in turn.
    const corpus = corpusDays().flatMap((day) => parseListing(day.text).papers);
    const papers = Array.from({ length: 10 }, (_, copy) =>
      corpus.map((paper) => ({ ...paper, id: `${copy}:${paper.id}` })),
    );
    const built = createSearchIndex(papers.flat());
    const loaded = loadSearchIndex(saveSearchIndex(built), papers.flat());
    for (const query of ['diffusion', 'agent -survey', 'title:video -diffusion', 'reinforcement lear', 'atention']) {
      const page = built.searchPage(query, { limit: 40 });
      expect(page.total).toBeGreaterThan(40);
      expect(loaded.searchPage(query, { limit: 40 })).toEqual(page);
    }
  });
});

describe('search index: a tampered saved index is refused with one typed error', () => {
  const papers = parseListing(fixture('hf-api/2026-08-21.json')).papers;
  const saved = createSearchIndex(papers).toJSON();
  // The saved postings as plain `doc << 5 | mask` values, edited, and written back as gaps.
  const postings = (edit: (values: Int32Array) => void): string => {
    const values = savedPostings(saved);
    edit(values);
    return gapsOf(values, saved.counts);
  };
  const tampered: [string, (data: Record<string, unknown>) => void, RegExp][] = [
    ['a posting count of 2^30', (data) => ((data.counts as number[])[0] = 2 ** 30), /counts promise/],
    ['a count as a string', (data) => ((data.counts as unknown[])[0] = '3'), /not a whole number/],
    ['a negative count', (data) => ((data.counts as number[])[1] = -1), /not a whole number/],
    ['truncated postings', (data) => (data.postings = (data.postings as string).slice(0, 40)), /postings hold|base64/],
    ['postings that are not base64', (data) => (data.postings = '!!!'), /not valid base64/],
    // Node's Buffer reads base64url's `-` and `_` and skips other characters; the index must not.
    ['base64url postings', (data) => (data.postings = `-_${(data.postings as string).slice(2)}`), /not valid base64/],
    ['postings with a character base64 lacks', (data) => (data.postings = `${data.postings}!`), /not valid base64/],
    ['a document id past the papers', (data) => (data.postings = postings((v) => (v[0] = (999 << 5) | 1))), /outside/],
    [
      'a gap of zero (a document twice in one term)',
      (data) =>
        (data.postings = postings((v) => {
          // The first term with two postings: its second names the first's document again.
          let at = 0;
          for (const count of saved.counts) {
            if (count >= 2) break;
            at += count;
          }
          v[at + 1] = v[at] as number;
        })),
      /outside/,
    ],
    [
      'a varint longer than five bytes',
      (data) => (data.postings = btoa('\xff'.repeat(6) + atob(data.postings as string))),
      /longer than five bytes/,
    ],
    [
      'bytes after the last posting',
      (data) => (data.postings = btoa(`${atob(data.postings as string)}\x21`)),
      /more bytes/,
    ],
    [
      'a posting with no field',
      (data) => (data.postings = postings((v) => (v[0] = (v[0] as number) & ~31))),
      /no field/,
    ],
    ['a repeated term', (data) => ((data.terms as string[])[1] = (data.terms as string[])[0] as string), /repeated/],
    [
      'terms out of order',
      (data) => {
        const terms = data.terms as string[];
        [terms[0], terms[1]] = [terms[1] as string, terms[0] as string];
      },
      /out of order/,
    ],
    ['terms and counts of different lengths', (data) => (data.terms as string[]).pop(), /one length/],
    ['short lengths', (data) => (data.lengths = ''), /"lengths" holds 0 bytes/],
    [
      'a weight that is not a number',
      (data) => ((data.options as { weights: Record<string, unknown> }).weights.title = 'x'),
      /weight of "title"/,
    ],
    ['version 3', (data) => (data.version = 3), /version 3 is not supported/],
    [
      'version 1 int32 postings with a document past the papers',
      (data) => {
        const values = savedPostings(saved);
        values[0] = (999 << 5) | 1;
        data.version = 1;
        data.postings = btoa(String.fromCharCode(...new Uint8Array(values.buffer)));
      },
      /outside/,
    ],
    ['null', () => {}, /not a papertrend search index/],
  ];
  it.each(tampered)('%s', (name, edit, message) => {
    const data = name === 'null' ? null : (structuredClone(saved) as unknown as Record<string, unknown>);
    if (data) edit(data);
    let error: unknown;
    try {
      loadSearchIndex(data as never, papers).search('agent');
    } catch (caught) {
      error = caught;
    }
    expect(isSearchIndexFormatError(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });
});

describe('search index: the tampered count that once aborted the process', () => {
  it('is refused in a child process (a regression kills the child, not the runner)', async () => {
    const child = await runChild('./child/load-tampered-index.ts', []);
    expect(child.signal).toBeNull();
    expect(child.code, child.stderr).toBe(0);
    expect(child.result).toEqual({ name: 'SearchIndexFormatError' });
  });
});

describe('search options a caller may get wrong', () => {
  const papers = parseListing(fixture('hf-api/2026-08-21.json')).papers;
  const index = createSearchIndex(papers);
  it('limit: NaN, negative or not a number is the default; Infinity is every hit', () => {
    expect(index.search('the', { limit: Number.NaN })).toHaveLength(
      Math.min(20, index.search('the', { limit: Infinity }).length),
    );
    expect(index.search('', { limit: -1 })).toHaveLength(17);
    expect(index.search('', { limit: '3' as never })).toHaveLength(17);
    expect(index.search('', { limit: 2.7 })).toHaveLength(2);
    expect(index.search('', { limit: Infinity })).toHaveLength(17);
  });
  it('filter dates may be Dates; other types set no bound instead of throwing', () => {
    const all = index.search('', { limit: Infinity }).length;
    expect(index.search('', { limit: Infinity, filter: { from: 42 as never } })).toHaveLength(all);
    expect(index.search('', { limit: Infinity, filter: { from: new Date('2100-01-01') } })).toHaveLength(0);
    expect(index.search('', { limit: Infinity, filter: { minUpvotes: 'x' as never } })).toHaveLength(all);
  });
});

describe('typo distance', () => {
  it('counts insertions, deletions, substitutions and transpositions, and stops past the bound', () => {
    expect(boundedEditDistance('transformer', 'transformer', 2)).toBe(0);
    expect(boundedEditDistance('transfomer', 'transformer', 2)).toBe(1);
    expect(boundedEditDistance('trasnformer', 'transformer', 2)).toBe(1);
    expect(boundedEditDistance('tronsfomer', 'transformer', 2)).toBe(2);
    expect(boundedEditDistance('attention', 'transformer', 2)).toBe(3);
  });
});

describe('relevance on the real corpus (order of results, never raw scores)', () => {
  const byId = new Map<string, Paper>();
  for (const day of corpusDays()) {
    for (const p of parseListing(day.text).papers) byId.set(p.id, p);
  }
  const index = createSearchIndex([...byId.values()]);
  const labelled = JSON.parse(readFileSync(new URL('../bench/relevance-queries.json', import.meta.url), 'utf8')) as {
    kind: string;
    query: string;
    expected: string;
  }[];

  it.each(labelled)('$kind: "$query" finds $expected in the top 3', ({ query, expected }) => {
    expect(ids(index.search(query, { limit: 3 }))).toContain(expected);
  });
});

/** A saved index's postings as `doc << 5 | mask` values (version 2 gaps decoded). */
function savedPostings(saved: SerializedSearchIndex): Int32Array {
  const bytes = Uint8Array.from(atob(saved.postings), (char) => char.charCodeAt(0));
  const values = new Int32Array(saved.counts.reduce((sum, count) => sum + count, 0));
  let read = 0;
  let at = 0;
  for (const count of saved.counts) {
    let previous = -1;
    for (let i = 0; i < count; i++) {
      let value = 0;
      let scale = 1;
      let byte: number;
      do {
        byte = bytes[read++] as number;
        value += (byte & 127) * scale;
        scale *= 128;
      } while (byte >= 128);
      previous += Math.floor(value / 32);
      values[at++] = previous * 32 + (value % 32);
    }
  }
  return values;
}

/** `doc << 5 | mask` values written as version 2 gaps (a gap of zero or less is written as zero). */
function gapsOf(values: Int32Array, counts: number[]): string {
  const bytes: number[] = [];
  let at = 0;
  for (const count of counts) {
    let previous = -1;
    for (let i = 0; i < count; i++) {
      const value = values[at++] as number;
      let rest = Math.max(0, (value >> 5) - previous) * 32 + (value & 31);
      previous = value >> 5;
      while (rest >= 128) {
        bytes.push((rest % 128) | 128);
        rest = Math.floor(rest / 128);
      }
      bytes.push(rest);
    }
  }
  return btoa(String.fromCharCode(...bytes));
}

describe('search index: the compact saved form', () => {
  const papers = parseListing(fixture('hf-api/2026-08-21.json')).papers;
  const index = createSearchIndex(papers);
  const saved = index.toJSON();
  it('writes gaps of at most a few bytes, and still reads version 1', () => {
    const postingCount = saved.counts.reduce((sum, count) => sum + count, 0);
    expect(saved.version).toBe(2);
    // Plain int32 postings took four bytes each.
    expect(atob(saved.postings).length).toBeLessThan(postingCount * 2);
    const values = savedPostings(saved);
    const version1 = {
      ...saved,
      version: 1 as const,
      postings: btoa(String.fromCharCode(...new Uint8Array(values.buffer))),
    };
    for (const query of ['agent', 'video gen', 'reinforcment learning']) {
      const expected = index.search(query).map((hit) => [hit.paper.id, hit.score]);
      expect(
        loadSearchIndex(version1, papers)
          .search(query)
          .map((hit) => [hit.paper.id, hit.score]),
      ).toEqual(expected);
      expect(
        loadSearchIndex(saved, papers)
          .search(query)
          .map((hit) => [hit.paper.id, hit.score]),
      ).toEqual(expected);
    }
  });
  it('reads version 1 with its terms in the order found, not sorted, and adds to it', () => {
    // Version 1 kept terms in the order the build met them: reversed here, each with its own postings.
    const values = savedPostings(saved);
    const blocks: Int32Array[] = [];
    let at = 0;
    for (const count of saved.counts) {
      blocks.push(values.subarray(at, at + count));
      at += count;
    }
    blocks.reverse();
    const reversed = new Int32Array(values.length);
    at = 0;
    for (const block of blocks) {
      reversed.set(block, at);
      at += block.length;
    }
    const version1 = {
      ...saved,
      version: 1 as const,
      terms: [...saved.terms].reverse(),
      counts: [...saved.counts].reverse(),
      postings: btoa(String.fromCharCode(...new Uint8Array(reversed.buffer))),
    };
    const loaded = loadSearchIndex(version1, papers);
    for (const query of ['agent', 'video gen', 'reinforcment learning', '-video agent']) {
      expect(loaded.search(query).map((hit) => [hit.paper.id, hit.score])).toEqual(
        index.search(query).map((hit) => [hit.paper.id, hit.score]),
      );
    }
    const more = parseListing(fixture('hf-api/2026-04-03.json')).papers.filter(
      (paper) => !papers.some((known) => known.id === paper.id),
    );
    expect(more.length).toBeGreaterThan(0);
    loaded.add(more);
    expect(loaded.toJSON()).toEqual(createSearchIndex([...papers, ...more]).toJSON());
  });
  it('finds a loaded index terms by binary search, and hashes them before papers are added', () => {
    // Terms of every kind a search looks up, before and after an add: exact, excluded, typed, non-ASCII.
    const loaded = loadSearchIndex(saveSearchIndex(index), papers);
    const nonAscii = saved.terms.find((term) => [...term].some((char) => char.charCodeAt(0) > 127));
    expect(nonAscii).toBeDefined();
    const queries = [
      'agent',
      '-agent video',
      'reinforcment',
      'vid',
      'zzzz',
      saved.terms[0],
      saved.terms.at(-1),
      nonAscii,
    ];
    const answers = (target: SearchIndex) =>
      queries.map((query) => target.search(`${query}`).map((hit) => hit.paper.id));
    expect(answers(loaded)).toEqual(answers(index));
    const fresh = parseListing(fixture('hf-api/2026-04-03.json')).papers.filter(
      (paper) => !papers.some((known) => known.id === paper.id),
    );
    // The first word added is one the index has: a table not hashed by then would add it a second time.
    const more = [{ ...(fresh[0] as Paper), id: 'known-words-first', title: 'Agent video' }, ...fresh];
    loaded.add(more);
    const built = createSearchIndex([...papers, ...more]);
    expect(answers(loaded)).toEqual(answers(built));
    // No term was added twice: the saved forms are the same, term for term.
    expect(loaded.toJSON().terms).toEqual(built.toJSON().terms);
  });
  it("leaves the caller's saved object as it was when papers are added to what it loaded", () => {
    const data = index.toJSON();
    const before = structuredClone(data);
    const loaded = loadSearchIndex(data, papers);
    loaded.add([{ ...(papers[0] as Paper), id: 'a-new-paper', title: 'Zyxwvut quantised agent' }]);
    expect(loaded.search('zyxwvut').map((hit) => hit.paper.id)).toEqual(['a-new-paper']);
    expect(data).toEqual(before);
  });
  it('round-trips an index whose terms span many papers', () => {
    const many = Array.from({ length: 3 }, () => papers)
      .flat()
      .map((paper, at) => ({ ...paper, id: `p${at}` }));
    const big = createSearchIndex(many);
    expect(loadSearchIndex(big.toJSON(), many).toJSON()).toEqual(big.toJSON());
  });
});

describe('search index: a word typed, then finished', () => {
  const papers = parseListing(fixture('hf-api/2026-08-21.json')).papers;
  // Words with one and two typos: their near-spellings are found once, while typed, and reused finished.
  const words = ['agnet', 'reinforcment', 'lenguage', 'modle', 'benchmrak'];
  it('answers the finished word as an index that never saw it typed', () => {
    const typed = createSearchIndex(papers);
    const fresh = createSearchIndex(papers);
    for (const word of words) {
      const answers = (index: SearchIndex, query: string) =>
        index.search(query).map((hit) => [hit.paper.id, hit.score, hit.matches.map((match) => match.field)]);
      // While typing: every prefix, as a reader types it.
      for (let end = 1; end <= word.length; end++) typed.search(word.slice(0, end));
      expect(answers(typed, `${word} `)).toEqual(answers(fresh, `${word} `));
      expect(answers(typed, `${word} `).length).toBeGreaterThan(0);
    }
  });
});

describe('search index: one page and the total', () => {
  const papers = corpusDays()
    .slice(0, 40)
    .flatMap((day) => parseListing(day.text).papers);
  const index = createSearchIndex(papers);
  const queries = [
    'diffusion',
    'd',
    'rleation dr',
    'video gen',
    '"language model"',
    'agent -survey',
    '-"large language" model',
    'title:agent',
    'author:wang',
    '',
  ];
  const optionSets = [
    { limit: 20 },
    { limit: 5, sort: 'upvotes' as const },
    { limit: 7, sort: 'date' as const },
    { limit: 3, filter: { hasCode: true } },
  ];
  it('gives the hits `search` gives, and as many in all as `limit: Infinity` finds', () => {
    expect(papers.length).toBeGreaterThan(300);
    let counted = 0;
    for (const query of queries) {
      for (const options of optionSets) {
        const page = index.searchPage(query, options);
        const ids = (hits: { paper: Paper }[]) => hits.map((hit) => hit.paper.id);
        expect(ids(page.hits), `${query} ${JSON.stringify(options)}`).toEqual(ids(index.search(query, options)));
        const all = index.search(query, { ...options, limit: Number.POSITIVE_INFINITY });
        expect(page.total, `${query} ${JSON.stringify(options)}`).toBe(all.length);
        // The widget asks for one page where it once took every hit: the page is the first of them.
        expect(ids(page.hits), `${query} ${JSON.stringify(options)}`).toEqual(ids(all.slice(0, page.hits.length)));
        counted += page.total;
      }
    }
    expect(counted).toBeGreaterThan(1000);
  });
});
