import { describe, expect, it } from 'vitest';
import { type Paper, PaperSchema, parseListing, texToUnicode } from '../src/entries/index.js';
import { corpusDays, fixture } from './helpers.js';

interface RawEntry {
  title?: string;
  paper: {
    id: string;
    title: string;
    summary: string;
    upvotes: number;
    authors: { name: string; hidden?: boolean }[];
    githubRepo?: string;
    githubStars?: number;
    projectPage?: string;
    submittedOnDailyAt?: string;
    publishedAt?: string;
    ai_keywords?: string[];
    mediaUrls?: string[];
  };
  publishedAt: string;
  mediaUrls?: string[];
  numComments: number;
  thumbnail?: string;
  mediaUrl?: string;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
// Links keep the source's spelling: whitespace removed, nothing re-serialised (no `/` added, no host lower-cased).
const asWritten = (raw: string | undefined): string | undefined => (raw?.trim() ? raw.replace(/\s+/g, '') : undefined);
const HOUR = 3_600_000;

describe('hf-api: the whole real corpus (156 days, 2,966 papers, every schema era)', () => {
  const days = corpusDays().map(({ name: file, text }) => ({
    file,
    raw: JSON.parse(text) as RawEntry[],
    listing: parseListing(text),
  }));

  it('the 2025-03-11 switch is read from the records: 26 papers there have no featuring time, none is featured before published', () => {
    const switchDay = days.find((day) => day.file.endsWith('2025-03-11.json'));
    expect(switchDay?.listing.papers.filter((paper) => paper.featuredAt === undefined)).toHaveLength(26);
    const media = days.flatMap((day) => day.listing.papers.flatMap((paper) => paper.media ?? []));
    expect(media.length).toBeGreaterThan(400);
    expect(new Set(media.map((item) => item.type))).toEqual(new Set(['image', 'video']));
  });

  it('parses every day with zero issues into exactly the papers the raw data holds', () => {
    expect(days).toHaveLength(156);
    const total = days.reduce((sum, day) => sum + day.listing.papers.length, 0);
    expect(total).toBe(2966);
    for (const { file, raw, listing } of days) {
      expect(listing.format, file).toBe('hf-api');
      expect(listing.issues, file).toEqual([]);
      expect(listing.papers.length, file).toBe(raw.length);
      expect(listing.meta.entries, file).toBe(raw.length);
    }
  });

  it('keeps every field faithful to the raw entry, normalised but not invented', () => {
    for (const { file, raw, listing } of days) {
      listing.papers.forEach((paper: Paper, index) => {
        const entry = raw[index] as RawEntry;
        const where = `${file} #${index}`;
        expect(PaperSchema.safeParse(paper).success, where).toBe(true);
        expect(paper.id, where).toBe(entry.paper.id);
        expect(paper.title, where).toBe(squash(entry.title?.trim() ? entry.title : entry.paper.title));
        expect(paper.title, where).not.toMatch(/\n|\s{2}/);
        expect(squash(paper.abstract ?? ''), where).toBe(squash(entry.paper.summary));
        const visible = entry.paper.authors.filter((author) => !author.hidden).map((author) => squash(author.name));
        expect(
          paper.authors?.map((author) => author.name),
          where,
        ).toEqual(visible);
        expect(paper.metrics.upvotes, where).toBe(entry.paper.upvotes);
        expect(paper.metrics.comments, where).toBe(entry.numComments);
        expect(paper.metrics.githubStars, where).toBe(entry.paper.githubStars);
        expect(paper.links.code, where).toBe(asWritten(entry.paper.githubRepo));
        expect(paper.links.project, where).toBe(asWritten(entry.paper.projectPage));
        expect(paper.links.thumbnail, where).toBe(entry.thumbnail ?? entry.mediaUrl);
        expect(paper.keywords, where).toEqual(entry.paper.ai_keywords?.length ? entry.paper.ai_keywords : undefined);
        // The top-level publishedAt is the featuring time unless it is the arXiv time (equal, or 4 or 5 hours
        // earlier: US Eastern written as UTC), as it is from 2025-03-11 on.
        const gap = Date.parse(entry.paper.publishedAt ?? '') - Date.parse(entry.publishedAt);
        const isArxivTime = gap === 0 || gap === 4 * HOUR || gap === 5 * HOUR;
        expect(paper.featuredAt, where).toBe(
          entry.paper.submittedOnDailyAt ?? (isArxivTime ? undefined : entry.publishedAt),
        );
        if (paper.featuredAt && paper.publishedAt) {
          expect(Date.parse(paper.featuredAt), `${where}: featured before published`).toBeGreaterThanOrEqual(
            Date.parse(paper.publishedAt),
          );
        }
        const media = [...new Set([...(entry.mediaUrls ?? []), ...(entry.paper.mediaUrls ?? [])])];
        expect(paper.media?.map((item) => item.url) ?? [], where).toEqual(media);
        for (const item of paper.media ?? [])
          expect(item.type, item.url).toBe(/\.(mp4|qt)$/.test(item.url) ? 'video' : 'image');
        const listed = entry.paper.authors.length;
        expect(paper.authorCount, where).toBe(listed === visible.length ? undefined : listed);
      });
    }
  });
});

describe('hf-api: the quirks of real days', () => {
  const day = (date: string) => parseListing(fixture(`hf-api/${date}.json`));

  it('joins arXiv hard wraps in titles and abstracts but keeps the words', () => {
    const paper = day('2024-05-27').papers.find((p) => p.id === '2405.15738');
    expect(paper?.title).toBe('ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models');
    expect(paper?.abstract).toMatch(
      /^High-resolution Large Multimodal Models \(LMMs\) encounter the challenges of excessive/,
    );
    expect(paper?.abstract).not.toContain('\n');
  });

  it("keeps the entry's own title, where the authors' TeX survives (arXiv's listing title strips the dollars)", () => {
    const raw = JSON.parse(fixture('hf-api/2024-05-27.json')) as { title: string; paper: { title: string } }[];
    const autoCoder = raw.find((entry) => entry.title.includes('\\textsc{AIEV-Instruct}'));
    expect(autoCoder?.paper.title).toContain(' AIEV-Instruct');
    const paper = day('2024-05-27').papers.find((candidate) => candidate.title.startsWith('AutoCoder'));
    expect(paper?.title).toBe(autoCoder?.title);
    expect(texToUnicode(paper?.title ?? '')).toBe('AutoCoder: Enhancing Code Large Language Model with AIEV-Instruct');
  });

  it('resolves relative avatar URLs and reads the singular mediaUrl of 2024 as the thumbnail', () => {
    const listing = day('2024-05-27');
    expect(listing.papers[0]?.links.thumbnail).toBe(
      'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2405.15738.png',
    );
    const avatars = JSON.stringify(listing.papers).match(/"avatarUrl":"[^"]*"/g) ?? [];
    for (const avatar of avatars) expect(avatar).toMatch(/"avatarUrl":"https:\/\//);
  });

  it('removes the newline GitHub URLs carry in October 2025', () => {
    const codes = [...day('2025-10-08').papers, ...day('2025-10-23').papers].map((paper) => paper.links.code);
    expect(codes).toContain('https://github.com/sirano1004/Margin-Apative-Direct-Preference-Optimization');
    expect(codes).toContain('https://github.com/FightingFighting/NeuroAda.git');
  });

  it('trims the leading space of a project page', () => {
    const pages = day('2025-03-17').papers.map((paper) => paper.links.project);
    expect(pages).toContain('https://sites.google.com/view/adc-robot');
  });

  it('never lists hidden authors', () => {
    const raw = JSON.parse(fixture('hf-api/2024-06-17.json')) as RawEntry[];
    const hidden = raw.flatMap((entry) => entry.paper.authors.filter((a) => a.hidden).map((a) => a.name));
    expect(hidden.length).toBeGreaterThan(0);
    const shown = day('2024-06-17').papers.flatMap((paper) => paper.authors?.map((a) => a.name) ?? []);
    for (const name of hidden) expect(shown).not.toContain(name);
  });

  it('keeps all 664 authors of the longest author list', () => {
    const paper = day('2025-01-27').papers.find((p) => p.id === '2501.14249');
    expect(paper?.authors).toHaveLength(664);
  });

  it('reads the featured day from submittedOnDailyAt in the 2026 shape, with submitter and organisation', () => {
    const paper = day('2026-08-21').papers[0];
    expect(paper).toMatchObject({
      id: '2608.19880',
      arxivId: '2608.19880',
      publishedAt: '2026-08-20T00:00:00.000Z',
      featuredAt: '2026-08-21T00:00:00.000Z',
      submitter: { name: 'taesiri', fullname: 'taesiri' },
      organization: { name: 'google', fullname: 'Google' },
      links: {
        page: 'https://huggingface.co/papers/2608.19880',
        abstract: 'https://arxiv.org/abs/2608.19880',
        code: 'https://github.com/google-research/envharness',
      },
      metrics: { upvotes: 163, comments: 1, githubStars: 8 },
    });
    expect(paper?.aiSummary).toMatch(/^EnvHarness and EnvRigger/);
  });

  it('reads the bare paper object of /api/papers/{id} and search results shaped like daily entries', () => {
    const entries = JSON.parse(fixture('hf-api/2026-08-21.json')) as { paper: unknown }[];
    const single = parseListing(JSON.stringify(entries[0]?.paper));
    expect(single.format).toBe('hf-api');
    expect(single.papers.map((paper) => paper.id)).toEqual(['2608.19880']);
    const searchResults = parseListing(entries.slice(0, 3));
    expect(searchResults.papers).toHaveLength(3);
  });

  it('treats an empty array (an out-of-range page) as an empty listing', () => {
    expect(parseListing('[]')).toMatchObject({ papers: [], issues: [], format: 'hf-api' });
  });
});
