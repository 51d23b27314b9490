/**
 * Feeds and exports, checked by parsers papertrend did not write: libxml2's xmllint for well-formedness,
 * @rowanmanning/feed-parser for what a feed reader sees, the published JSON Feed 1.1 schema through ajv,
 * @retorquere/bibtex-parser for BibTeX and markdown-it for the Markdown digest. Then papertrend's own
 * `papertrend-feed` source must read every feed back to the same papers.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { planFeedItems, toBibtex, toFeed, toMarkdown } from '../src/entries/feed.js';
import { parseListing } from '../src/entries/parse.js';
import { snapshot } from '../src/entries/snapshot.js';
import { hasTex, onlyKnownCommands, splitTex, texToUnicode } from '../src/entries/tex.js';
import type { Listing, Paper } from '../src/model.js';
import { cleanLine } from '../src/parse/normalize.js';
import { xmlSafe } from '../src/writers/text.js';
import { corpusDays, fixture } from './helpers.js';

if (process.env.CI) fc.configureGlobal({ seed: 20_261_127 });

const FORMATS = ['rss', 'atom', 'json'] as const;

/** xmllint's verdict: undefined when well-formed, else its complaint. */
function xmllint(xml: string): string | undefined {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint did not run (pnpm test installs libxml2-utils): ${result.error.message}`);
  return result.status === 0 ? undefined : result.stderr.slice(0, 500);
}

// The JSON Feed 1.1 schema as published (jsonfeed-schema ships it as a CommonJS module without types).
const jsonFeedSchema = createRequire(import.meta.url)('jsonfeed-schema/v1.1.js') as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateJsonFeed = ajv.compile(jsonFeedSchema);

/** What a paper's text becomes in any feed: XML cannot carry some characters, and whitespace is normalised. */
// Feeds carry TeX as Unicode (`$\nabla^2$` → `∇²`): readers see text, not markup.
const asFeedText = (text: string): string => cleanLine(xmlSafe(texToUnicode(text)));

/**
 * A BibTeX title read back: the authors' TeX passes through, and bibtex-parser turns it into its own Unicode
 * (`𝛻` for `\nabla`, small-caps markup for `\textsc`), so a title with TeX is checked piece by piece: every
 * word outside the TeX is there in order, and each piece of TeX is in the field as written, braced.
 */
function expectBibtexTitle(field: unknown, bibtex: string, title: string): void {
  // A literal backtick is written \textasciigrave{}, which the parser reads as the spacing grave U+02CB.
  const graves = (text: string) => text.replaceAll('\u02cb', '`');
  const read = graves(cleanLine(String(field)));
  if (!hasTex(title)) {
    expect(read).toBe(graves(asFeedText(title)));
    return;
  }
  let at = 0;
  for (const piece of splitTex(title)) {
    if (piece.kind === 'text') {
      for (const word of asFeedText(piece.text).split(' ').filter(Boolean)) {
        const found = read.indexOf(graves(word), at);
        expect(found, `${word} in ${read}`).toBeGreaterThanOrEqual(at);
        at = found + word.length;
      }
    } else if (piece.kind !== 'script' && onlyKnownCommands(title.slice(piece.start, piece.end))) {
      expect(bibtex).toContain(`{${title.slice(piece.start, piece.end)}}`);
    }
  }
}

const listings: [string, Listing][] = [
  ['snapshot daily (API)', snapshot.daily],
  ['snapshot trending (page text)', snapshot.trending],
  ['arXiv search', parseListing(fixture('arxiv/api-new-2026_search-testing_start0_max10.xml'))],
  ['arXiv 2019 (old-style ids, DOIs)', parseListing(fixture('arxiv/query-all-science-2019-08.xml'))],
  ['API day 2024-05-27', parseListing(fixture('hf-api/2024-05-27.json'))],
];

function expectSamePapers(back: Listing, papers: readonly Paper[], format: (typeof FORMATS)[number]): void {
  expect(back.format).toBe('papertrend-feed');
  expect(back.issues).toEqual([]);
  expect(back.papers.map((paper) => paper.id)).toEqual(papers.map((paper) => paper.id));
  back.papers.forEach((paper, index) => {
    const original = papers[index] as Paper;
    expect(paper.title).toBe(asFeedText(original.title));
    expect(paper.arxivId).toBe(original.arxivId === original.id ? original.arxivId : undefined);
    expect(paper.abstract?.split('\n\n').map(asFeedText)).toEqual(
      (original.abstract ?? original.aiSummary)
        ?.split(/\n{2,}/)
        .map(asFeedText)
        .filter(Boolean),
    );
    expect(paper.authors?.map((author) => author.name)).toEqual(
      original.authors?.map((author) => asFeedText(author.name)).filter(Boolean),
    );
    expect(paper.keywords).toEqual(
      original.keywords?.length ? [...new Set(original.keywords.map(asFeedText))] : undefined,
    );
    if (original.links.page) expect(paper.links.page).toBe(original.links.page);
    const date = original.featuredAt ?? original.publishedAt ?? original.updatedAt;
    // RSS dates have whole seconds; Atom and JSON Feed keep milliseconds.
    const time = Date.parse(date ?? '');
    if (date) expect(Date.parse(paper.featuredAt ?? '')).toBe(format === 'rss' ? Math.floor(time / 1000) * 1000 : time);
  });
}

describe.each(listings)('feeds of %s', (_name, listing) => {
  it.each(FORMATS)('%s: valid for independent parsers, and read back by papertrend as the same papers', (format) => {
    const text = toFeed(listing, { format, feedUrl: `https://example.com/papers.${format}` });
    if (format === 'json') {
      const feed = JSON.parse(text);
      expect(validateJsonFeed(feed), ajv.errorsText(validateJsonFeed.errors)).toBe(true);
      expect(feed.items.map((item: { title: string }) => item.title)).toEqual(
        listing.papers.map((paper) => xmlSafe(texToUnicode(paper.title))),
      );
    } else {
      expect(xmllint(text)).toBeUndefined();
      const feed = parseFeed(text);
      expect(feed.title).toBeTruthy();
      expect(feed.items).toHaveLength(listing.papers.length);
      feed.items.forEach((item, index) => {
        const paper = listing.papers[index] as Paper;
        expect(cleanLine(item.title ?? '')).toBe(asFeedText(paper.title));
        // An Atom entry without authors takes the feed's (RFC 4287 §4.2.1): the listing it came from.
        const inherited = format === 'atom' ? [feed.title] : [];
        expect(item.authors.map((author) => author.name)).toEqual(
          paper.authors?.length ? paper.authors.map((author) => asFeedText(author.name)) : inherited,
        );
        expect(item.url).toMatch(/^https?:\/\//);
      });
      // Item ids are unique and stable: the arXiv id whenever there is one.
      const ids = feed.items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expectSamePapers(parseListing(text), listing.papers, format);
  });
});

describe('hostile text in a feed', () => {
  const base = snapshot.daily.papers[0] as Paper;
  const titles = [
    'Ends a CDATA section ]]> twice ]]> and an item </item></channel></rss>',
    '<script>alert(1)</script> & <b>bold</b> "quoted" \'single\'',
    'Control \u0001 characters \u001b[2J and \u0008 backspace',
    'Half a pair \ud800 and the other half \udc00 alone',
    'Non-characters \ufffe\uffff and a <![CDATA[ opener',
  ];
  const papers: Paper[] = titles.map((title, index) => ({
    ...base,
    id: `hostile:${index}`,
    arxivId: undefined,
    title,
    abstract: `${title}\n\nSecond paragraph with ]]> and </description>.`,
    keywords: ['a<b', '"q"&', ']]>'],
    authors: [{ name: 'O\'Brien <o@x> & "Sons"' }, { name: '\u0007Bell' }],
  })) as Paper[];
  for (const paper of papers) delete (paper as { arxivId?: string }).arxivId;

  it.each(FORMATS)('%s: stays well-formed and arrives as the same text', (format) => {
    const text = toFeed(papers, { format });
    if (format === 'json') expect(validateJsonFeed(JSON.parse(text))).toBe(true);
    else {
      expect(xmllint(text)).toBeUndefined();
      const feed = parseFeed(text);
      expect(feed.items.map((item) => cleanLine(item.title ?? ''))).toEqual(titles.map(asFeedText));
      expect(feed.items[0]?.categories.map((category) => category.label ?? category.term)).toEqual([
        'a<b',
        '"q"&',
        ']]>',
      ]);
    }
    const back = parseListing(text);
    expectSamePapers(back, papers, format);
    // The characters XML cannot carry at all are the only loss, and they are gone from every format alike.
    expect(back.papers[2]?.title).toBe('Control characters [2J and backspace');
    expect(back.papers[3]?.title).toBe('Half a pair \ufffd and the other half \ufffd alone');
  });

  it('a literal "&amp;" in a title survives papertrend, though some readers decode entities twice', () => {
    const paper = { ...base, title: 'Escaping &amp; in HTML' } as Paper;
    for (const format of FORMATS) {
      expect(parseListing(toFeed([paper], { format })).papers[0]?.title).toBe('Escaping &amp; in HTML');
    }
  });
});

describe('feed details', () => {
  it('uses the arXiv abstract URL as the id, the thumbnail as enclosure and media, and the AI summary on request', () => {
    const paper: Paper = {
      ...(snapshot.daily.papers[0] as Paper),
      links: { page: 'https://huggingface.co/papers/2608.19880', thumbnail: 'https://cdn.example/t/1.png' },
    };
    const rss = toFeed([paper], { format: 'rss', summary: 'ai-summary' });
    expect(rss).toContain('<guid isPermaLink="false">https://arxiv.org/abs/2608.19880</guid>');
    expect(rss).toContain('<enclosure url="https://cdn.example/t/1.png" length="0" type="image/png"/>');
    const item = parseFeed(rss).items[0];
    expect(item?.media.map((media) => media.url)).toContain('https://cdn.example/t/1.png');
    expect(cleanLine(item?.description ?? '')).toContain(paper.aiSummary as string);
    const back = parseListing(rss).papers[0];
    expect(back?.aiSummary).toBe(paper.aiSummary);
    expect(back?.abstract).toBe(paper.abstract);
    expect(back?.links.thumbnail).toBe('https://cdn.example/t/1.png');
  });

  it('writes the same feed for the same papers (the date is the newest item, not the clock)', () => {
    for (const format of FORMATS) {
      expect(toFeed(snapshot.daily, { format })).toBe(toFeed(snapshot.daily, { format }));
    }
    expect(toFeed(snapshot.daily, { format: 'atom' })).toContain('<updated>2026-08-21T');
  });
});

const paperArbitrary: fc.Arbitrary<Paper> = fc
  .record({
    n: fc.nat({ max: 99_999 }),
    title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((title) => asFeedText(title) !== ''),
    abstract: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    authors: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 4 }),
    day: fc.integer({ min: 0, max: 3_000 }),
  })
  .map(({ n, title, abstract, authors, day }) => {
    const id = `2501.${String(n).padStart(5, '0')}`;
    const paper: Paper = {
      id,
      arxivId: id,
      title: cleanLine(title),
      links: { page: `https://huggingface.co/papers/${id}` },
      metrics: {},
      source: 'hf-api',
      featuredAt: new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString(),
    };
    if (abstract && asFeedText(abstract)) paper.abstract = abstract;
    const names = authors.map(cleanLine).filter((name) => asFeedText(name) !== '');
    if (names.length > 0) paper.authors = names.map((name) => ({ name }));
    return paper;
  });
const uniquePapers = fc.uniqueArray(paperArbitrary, { selector: (paper) => paper.id, maxLength: 12 });

describe('properties', () => {
  it('toFeed of any valid papers parses back through papertrend to the same ids and titles', () => {
    fc.assert(
      fc.property(uniquePapers, fc.constantFrom(...FORMATS), (papers, format) => {
        const back = parseListing(toFeed(papers, { format, minPapers: 0 }), { format: 'papertrend-feed' });
        expect(back.papers.map((paper) => paper.id)).toEqual(papers.map((paper) => paper.id));
        expect(back.papers.map((paper) => paper.title)).toEqual(papers.map((paper) => asFeedText(paper.title)));
      }),
      { numRuns: 150 },
    );
  });

  it('random hostile papers through every writer, read back by parsers papertrend did not write', () => {
    // Text an attacker would try: markup, CDATA ends, TeX commands, autolink lures, controls, lone surrogates.
    const lure = fc.constantFrom(
      ']]>',
      '</item></channel></rss>',
      '<script>x</script>',
      '}, note = {x',
      '\\input{/etc/passwd}',
      '\\immediate\\write18{id}',
      '$\\nabla^2$',
      'www.evil.example',
      'a@evil.example',
      'https://evil.example/)',
      '[x](javascript:alert(1))',
      '# heading',
      '\u0007\u001b[2J',
      '\ud800',
      // (A literal `&amp;` has its own test above: feed-parser decodes entities twice.)
      '& < >',
      "''--``",
    );
    const hostileText = fc
      .array(fc.oneof(lure, fc.string({ unit: 'grapheme', maxLength: 12 })), { minLength: 1, maxLength: 5 })
      .map((parts) => cleanLine(parts.join(' ')))
      // TeX's control space (`\ `) is written as the author wrote it, and bibtex-parser has no macro for it.
      .filter((text) => asFeedText(text) !== '' && !text.includes('\\ '));
    const hostilePaper = fc
      .record({ n: fc.nat({ max: 99_999 }), title: hostileText, authors: fc.array(hostileText, { maxLength: 3 }) })
      .map(({ n, title, authors }): Paper => {
        const id = `2502.${String(n).padStart(5, '0')}`;
        const paper: Paper = {
          id,
          arxivId: id,
          title,
          links: { page: `https://huggingface.co/papers/${id}` },
          metrics: {},
          source: 'hf-api',
          publishedAt: '2025-02-03',
        };
        if (authors.length > 0) paper.authors = authors.map((name) => ({ name }));
        return paper;
      });
    const markdownIt = new MarkdownIt({ linkify: true });
    fc.assert(
      fc.property(
        fc.uniqueArray(hostilePaper, { selector: (paper) => paper.id, minLength: 1, maxLength: 6 }),
        (papers) => {
          const names = (paper: Paper) =>
            (paper.authors ?? []).map((author) => asFeedText(author.name)).filter((name) => name.trim() !== '');
          for (const format of ['rss', 'atom'] as const) {
            const xml = toFeed(papers, { format, minPapers: 0 });
            expect(xmllint(xml)).toBeUndefined();
            const items = parseFeed(xml).items;
            expect(items.map((item) => cleanLine(item.title ?? ''))).toEqual(
              papers.map((paper) => asFeedText(paper.title)),
            );
            expect(items.map((item) => item.url)).toEqual(papers.map((paper) => paper.links.page));
            items.forEach((item, index) => {
              const paper = papers[index] as Paper;
              // feed-parser reads an RSS author as "email (name)", so a name holding an @ is split there:
              // names are compared in Atom, where a name is an element of its own.
              // An entry whose every name is blank has no author of its own: Atom lends it the feed's.
              if (names(paper).length > 0 && format === 'atom') {
                expect(item.authors.map((author) => cleanLine(author.name ?? ''))).toEqual(names(paper));
              }
            });
          }
          const json = JSON.parse(toFeed(papers, { format: 'json', minPapers: 0 })) as {
            items: { url: string; title: string; authors?: { name: string }[] }[];
          };
          expect(validateJsonFeed(json)).toBe(true);
          expect(json.items.map((item) => item.title)).toEqual(papers.map((paper) => asFeedText(paper.title)));
          const bibtex = toBibtex(papers);
          const bib = parseBibtex(bibtex, { sentenceCase: false, english: false });
          expect(bib.errors).toEqual([]);
          expect(bib.entries).toHaveLength(papers.length);
          bib.entries.forEach((entry, index) => {
            const paper = papers[index] as Paper;
            expectBibtexTitle(entry.fields.title, bibtex, paper.title);
            expect(entry.fields.eprint).toBe(paper.arxivId);
            expect(entry.fields.year).toBe('2025');
            expect(
              Object.keys(entry.fields).every((field) =>
                ['title', 'author', 'year', 'eprint', 'archiveprefix', 'url'].includes(field.toLowerCase()),
              ),
            ).toBe(true);
          });
          const html = markdownIt.render(toMarkdown(papers, { summary: 'none' }));
          expect(html.match(/href="[^"]*"/g)).toEqual(papers.map((paper) => `href="${paper.links.page}"`));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never blank: a failed or partial day keeps every previous item, merged by id, newest first', () => {
    fc.assert(
      fc.property(
        uniquePapers,
        uniquePapers,
        fc.boolean(),
        fc.constantFrom(...FORMATS),
        (previousPapers, today, failed, format) => {
          const previous = parseListing(toFeed(previousPapers, { format, minPapers: 0 }));
          const current = failed ? undefined : today;
          const plan = planFeedItems(current, { previous });
          const ids = plan.papers.map((paper) => paper.id);
          expect(new Set(ids).size).toBe(ids.length);
          const complete = current !== undefined && current.length >= plan.minPapers;
          if (complete) {
            expect(ids).toEqual(today.map((paper) => paper.id));
            expect(plan.keptFromPrevious).toBe(0);
          } else {
            for (const paper of previousPapers) expect(ids).toContain(paper.id);
            for (const paper of current ?? []) expect(ids).toContain(paper.id);
            const times = plan.papers.map((paper) => Date.parse(paper.featuredAt ?? ''));
            expect(times).toEqual([...times].sort((a, b) => b - a));
          }
          // What toFeed writes is what the plan says.
          const written = parseListing(toFeed(current ?? [], { format, previous }));
          expect(written.papers.map((paper) => paper.id)).toEqual(ids);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('caps the merged feed at maxItems, keeping the newest', () => {
    const papers = snapshot.daily.papers;
    const plan = planFeedItems([], { previous: papers, maxItems: 5 });
    expect(plan.papers).toHaveLength(5);
    expect(plan.keptFromPrevious).toBe(5);
    expect(() => planFeedItems([], { maxItems: -1 })).toThrow(RangeError);
  });
});

describe('BibTeX', () => {
  const corpusPapers = corpusDays().flatMap((day) => parseListing(day.text).papers);
  const allPapers = [...listings.flatMap(([, listing]) => listing.papers), ...corpusPapers];

  it(`every paper of the bundled listings and the corpus (${allPapers.length}) parses back with its title, authors and year; keys are unique`, () => {
    const bibtex = toBibtex(allPapers);
    const parsed = parseBibtex(bibtex, { sentenceCase: false, english: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(allPapers.length);
    const keys = parsed.entries.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    parsed.entries.forEach((entry, index) => {
      const paper = allPapers[index] as Paper;
      expect(entry.type).toBe('misc');
      // A literal backtick is written \\textasciigrave{} (a bare one is a TeX opening quote), which the parser
      // reads as the spacing grave U+02CB.
      expectBibtexTitle(entry.fields.title, bibtex, paper.title);
      const names = (entry.fields.author ?? []).map(
        (creator) =>
          creator.name ??
          [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' '),
      );
      expect(names.map(cleanLine)).toEqual((paper.authors ?? []).map((author) => asFeedText(author.name)));
      const year = (paper.publishedAt ?? paper.featuredAt ?? paper.updatedAt)?.slice(0, 4);
      expect(entry.fields.year).toBe(year);
      if (paper.arxivId) expect(entry.fields.eprint).toBe(paper.arxivId);
    });
  });

  it('escapes TeX specials and ligatures, keeps Unicode names, braces corporate names and acronyms', () => {
    const paper: Paper = {
      id: '2501.00001',
      arxivId: '2501.00001',
      title: "LLMs -- 100% of $x_1$ & #tags ~ ^ \\ {braces} <angle> | ``quotes'' in GPT-4",
      authors: [{ name: 'Jürgen Müller' }, { name: 'Google, Inc.' }, { name: 'Research and Development Team' }],
      publishedAt: '2025-01-01',
      categories: ['cs.CL'],
      links: {},
      metrics: {},
      source: 'hf-api',
    };
    const bibtex = toBibtex([paper, paper]);
    expect(bibtex).toMatch(/^@misc\{muller2025llms,/);
    expect(bibtex).toMatch(/@misc\{muller2025llms-2,/);
    expect(bibtex).toContain('{LLMs}');
    expect(bibtex).toContain('primaryClass = {cs.CL}');
    const [entry] = parseBibtex(bibtex, { sentenceCase: false, english: false }).entries;
    // The authors' math passes through as TeX (braced), and the rest is escaped.
    expect(bibtex).toContain('{$x_1$}');
    expect(entry?.fields.title?.replaceAll('\u02cb', '`')).toBe(paper.title.replace('$x_1$', 'x₁'));
    expect(entry?.fields.author?.[0]).toMatchObject({ firstName: 'Jürgen', lastName: 'Müller' });
    expect(entry?.fields.author?.[1]).toMatchObject({ name: 'Google, Inc.' });
    expect(entry?.fields.author?.[2]).toMatchObject({ name: 'Research and Development Team' });
  });
});

describe('BibTeX from untrusted data', () => {
  const injection = '2401.00001}, note = {INJECTED}, x = {\\input{/etc/passwd}\\immediate\\write18{id}';

  it('a saved papers.json cannot put an arXiv id that is not one into a Paper', () => {
    const listing = parseListing(
      JSON.stringify([
        { id: 'a', arxivId: injection, title: 'A', links: {}, metrics: {}, source: 'x' },
        { id: '2401.00002', arxivId: '2401.00002', title: 'B', links: {}, metrics: {}, source: 'x' },
      ]),
    );
    expect(listing.papers.map((paper) => paper.arxivId)).toEqual([undefined, '2401.00002']);
    expect(listing.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('dropped arxivId: expected an arXiv id without version'),
    ]);
  });

  it('escapes or checks every field of a paper built by hand: one entry, its own fields, no TeX command', () => {
    const paper = {
      id: 'x',
      arxivId: injection,
      title: 'T \\immediate\\write18{id}',
      authors: [{ name: '} and {\\input{/etc/passwd}' }],
      categories: ['cs.LG}, note = {x'],
      doi: '10.1/}, note = {y',
      publishedAt: '2024-01-01',
      links: { page: 'https://example.org/}note={z}\\input{w}' },
      metrics: {},
      source: 'x',
    } as Paper;
    const bibtex = toBibtex([paper]);
    const parsed = parseBibtex(bibtex, { sentenceCase: false, english: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
    expect(Object.keys(parsed.entries[0]?.fields ?? {}).sort()).toEqual(['author', 'doi', 'title', 'url', 'year']);
    // Every backslash in the output is one papertrend wrote as an escape, never one from the data.
    expect(bibtex.replace(/\\(textbackslash|[{}_&%$#])/g, '')).not.toContain('\\');
    expect(bibtex).toContain('url = {https://example.org/%7Dnote=%7Bz%7D%5Cinput%7Bw%7D}');
  });
});

describe('Markdown digest', () => {
  const markdown = new MarkdownIt();
  const base = snapshot.daily.papers[0] as Paper;
  const hostile = [
    '[click](javascript:alert(1)) **bold** <img src=x onerror=alert(1)>',
    '# Not a heading [win a prize](https://evil.example/) <https://evil.example/>',
    '1. Not a list & not &amp; an entity `code` _em_ ~~strike~~ | table |',
  ];

  it('renders one link per paper, to its page, with the title as text and nothing else as markup', () => {
    const papers = hostile.map((title, index) => ({ ...base, id: `x${index}`, title }) as Paper);
    const html = markdown.render(toMarkdown(papers, { heading: '<b>Papers</b>' }));
    const document = markdown.parse(toMarkdown(papers, { heading: '<b>Papers</b>' }), {});
    const links = document.flatMap((token) => token.children ?? []).filter((token) => token.type === 'link_open');
    expect(links.map((link) => link.attrGet('href'))).toEqual(papers.map(() => base.links.page));
    expect(html).not.toMatch(/<(img|script|em|code|s|h1|table)[\s>]/);
    // `javascript:` stays in the text, never in an href.
    expect(html.match(/href="[^"]*"/g)).toEqual(papers.map(() => `href="${base.links.page}"`));
    const texts: string[] = [];
    let inLink = false;
    for (const token of document.flatMap((block) => block.children ?? [])) {
      if (token.type === 'link_open') texts.push('');
      if (token.type === 'link_open' || token.type === 'link_close') inLink = token.type === 'link_open';
      else if (inLink) texts[texts.length - 1] += token.content;
    }
    // Word joiners (invisible) keep autolink literals from forming; the text is otherwise the title.
    expect(texts.map((text) => text.replaceAll('\u2060', ''))).toEqual(hostile);
  });

  it('lets no renderer turn untrusted text into a link: markdown-it with linkify, micromark GFM, remark-gfm', () => {
    const lures = [
      'Reset at www.evil.example/login today',
      'Write to security@evil.example or first.last+tag@evil.co.uk',
      'See https://evil.example/a and ftp://evil.example and //evil.example/x',
      'WWW.EVIL.EXAMPLE, _www.evil.example_, (www.evil.example) and mailto:a@evil.example',
      'evil.com/login, xn--80ak6aa92e.com and http://[::1]/',
    ];
    const papers = lures.map(
      (title, index) => ({ ...base, id: `x${index}`, title, aiSummary: title, authors: [{ name: title }] }) as Paper,
    );
    const digest = toMarkdown(papers, { heading: lures[0] as string });
    const remark = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
    const renderers: [string, string][] = [
      ['markdown-it + linkify', new MarkdownIt({ linkify: true }).render(digest)],
      ['micromark + GFM', micromark(digest, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })],
      ['remark-gfm', String(remark.processSync(digest))],
    ];
    for (const [name, html] of renderers) {
      expect(html.match(/href="[^"]*"/g), name).toEqual(papers.map(() => `href="${base.links.page}"`));
      // The words are all there to read.
      expect(html.replaceAll('\u2060', ''), name).toContain('security@evil.example');
    }
    // The same digest before the fix (no joiners) links them, so this test can fail.
    const plain = new MarkdownIt({ linkify: true }).render(digest.replaceAll('\u2060', ''));
    expect((plain.match(/href=/g) ?? []).length).toBeGreaterThan(papers.length);
    // Slack autolinks too, and has no escapes.
    const slack = toMarkdown(papers, { flavor: 'slack' }).replaceAll(`<${base.links.page}|`, '');
    expect(slack).not.toMatch(/www\.|:\/\/|\w@\w/);
  });

  it('writes Slack links and escapes what Slack reads as markup', () => {
    const text = toMarkdown([{ ...base, title: 'a <b> & c' } as Paper], { flavor: 'slack' });
    expect(text).toContain(`<${base.links.page}|a &lt;b&gt; &amp; c>`);
  });
});
