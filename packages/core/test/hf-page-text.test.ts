import { describe, expect, it } from 'vitest';
import { PaperSchema, parseListing } from '../src/entries/index.js';
import { fixture } from './helpers.js';

describe('hf-page-text: a trending page copied as text', () => {
  const text = fixture('hf-page-text/trending-mar-11.txt');
  const listing = parseListing(text);
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());

  it('gives exactly its 60 papers, each with its full abstract, and no chrome', () => {
    expect(listing.format).toBe('hf-page-text');
    expect(listing.issues).toEqual([]);
    expect(listing.papers).toHaveLength(60);
    for (const paper of listing.papers) {
      expect(PaperSchema.safeParse(paper).success).toBe(true);
      // Each title is followed in the page by exactly this abstract.
      const at = paragraphs.indexOf(paper.title);
      expect(at, paper.title).toBeGreaterThan(-1);
      expect(paper.abstract).toBe(paragraphs[at + 1]);
    }
    const titles = listing.papers.map((paper) => paper.title);
    for (const chrome of ['new', 'Subscribe', 'Get trending papers in your email inbox!', 'Mar 11']) {
      expect(titles).not.toContain(chrome);
    }
    expect(titles[0]).toBe('Feature Learning in Infinite-Width Neural Networks');
    expect(titles.at(-1)).toBe('DSEE: Dually Sparsity-embedded Efficient Tuning of Pre-trained Language Models');
  });

  it('turns the date line into listing metadata', () => {
    expect(listing.meta.dateLabel).toBe('Mar 11');
  });

  it('gives text papers stable title-based ids, with nothing invented', () => {
    const paper = listing.papers[0];
    expect(paper?.id).toBe('title:feature-learning-in-infinite-width-neural-networks');
    expect(paper?.links).toEqual({});
    expect(paper?.metrics).toEqual({});
    expect(paper?.authors).toBeUndefined();
    expect(parseListing(text).papers.map((p) => p.id)).toEqual(listing.papers.map((p) => p.id));
  });

  it('reports a title without an abstract and an abstract without a title instead of guessing', () => {
    const broken = `Mar 11\n\nA Title Alone\n\nAnother Title\n\n${'An abstract sentence. '.repeat(30)}\n\n${'Orphan text. '.repeat(40)}`;
    const result = parseListing(broken, { format: 'hf-page-text' });
    expect(result.papers.map((paper) => paper.title)).toEqual(['Another Title']);
    expect(result.issues.map((issue) => [issue.severity, issue.position.line])).toEqual([
      ['error', 3],
      ['error', 9],
    ]);
    expect(result.issues[0]?.message).toMatch(/no abstract/);
    expect(result.issues[1]?.message).toMatch(/no title/);
    expect(result.papers.length + result.issues.length).toBe(result.meta.entries);
  });
});

describe('hf-page-text: a 2024 daily page as lines', () => {
  const listing = parseListing(fixture('hf-page-text/daily-2024-08-01.txt'));

  it('gives its 13 cards with submitter, upvotes, author count and comments', () => {
    expect(listing.issues).toEqual([]);
    expect(listing.meta.dateLabel).toBe('Aug 1');
    expect(listing.papers).toHaveLength(13);
    expect(listing.papers[0]).toMatchObject({
      title: 'The Llama 3 Herd of Models',
      submitter: { name: 'akhaliq' },
      metrics: { upvotes: 94, comments: 5 },
      authorCount: 533,
    });
    expect(listing.papers.at(-1)).toMatchObject({
      title: 'NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D Representation Learning for Neural Radiance Fields',
      metrics: { upvotes: 3, comments: 2 },
      authorCount: 6,
    });
    const titles = listing.papers.map((paper) => paper.title);
    for (const chrome of ['Previous', 'Next', 'Company', 'Daily Papers']) expect(titles).not.toContain(chrome);
  });
});

describe('hf-page-text: a 2026 trending page rendered as markdown', () => {
  const listing = parseListing(fixture('hf-page-text/trending-2026-10-excerpt.md'));

  it('de-duplicates the cards that appear twice and keeps the richest fields', () => {
    expect(listing.issues).toEqual([]);
    expect(listing.meta).toMatchObject({ entries: 8, duplicates: 4 });
    expect(listing.papers.map((paper) => paper.id)).toEqual(['2610.05608', '2609.18063', '2412.20138', '2609.05415']);
  });

  it('reads ids, dates, upvotes, abbreviated stars, organisations and links', () => {
    const [kandinsky, edge0, trading, unimate] = listing.papers;
    expect(kandinsky).toMatchObject({
      title: 'Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio Generation',
      arxivId: '2610.05608',
      publishedAt: '2026-10-04',
      submitter: { name: 'vvasilev' },
      organization: { name: 'kandinskylab', fullname: 'Kandinsky Lab' },
      metrics: { upvotes: 117, githubStars: 131 },
      links: {
        page: 'https://huggingface.co/papers/2610.05608',
        code: 'https://github.com/kandinskylab/kandinsky-6',
        abstract: 'https://arxiv.org/abs/2610.05608',
      },
    });
    expect(kandinsky?.abstract).toMatch(/^We present Kandinsky 6\.0 Video, a family of foundation diffusion models/);
    expect(kandinsky?.abstract).toMatch(/under the MIT license\.$/);
    expect(edge0?.metrics.githubStars).toBe(3290);
    expect(edge0?.abstract).toMatch(/Edge0 serves a 35B MoE/);
    expect(trading).toMatchObject({ authorCount: 4, publishedAt: '2024-12-28', metrics: { githubStars: 110_000 } });
    expect(trading?.aiSummary).toMatch(/^A multi-agent framework/);
    expect(trading?.abstract).toBeUndefined();
    expect(unimate).toMatchObject({ metrics: { upvotes: 22, githubStars: 1540 }, submitter: { name: 'Linzhan' } });
    for (const paper of listing.papers) expect(JSON.stringify(paper)).not.toContain('图片');
  });
});
