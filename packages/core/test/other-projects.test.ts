/**
 * Files other projects write, which users feed papertrend: each is read, or refused as a whole with the
 * closest format and what it lacks, never returned as an empty listing of errors. The files are small copies
 * in the shape those tools write (python-feedgen's Atom, a project's RSS, a README reading list).
 */
import { describe, expect, it } from 'vitest';
import { isUnknownFormatError, parseListing } from '../src/entries/index.js';
import { fixture, thrown } from './helpers.js';

describe('files from other projects', () => {
  it("a python-feedgen digest of arXiv papers is read through each entry's arXiv link", () => {
    const listing = parseListing(fixture('other-projects/feedgen-arxiv-digest.xml'));
    expect(listing.format).toBe('arxiv-atom');
    expect(listing.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(listing.papers.map((paper) => [paper.id, paper.version, paper.title])).toEqual([
      ['2601.02610', undefined, 'Jet Tagging with Equivariant Transformers'],
      ['2601.02977', 2, 'Anomaly Detection at the LHC with Normalizing Flows'],
    ]);
  });

  it('an Atom feed that mentions arXiv but holds no arXiv paper is refused, not an empty listing', () => {
    const feed = fixture('other-projects/feedgen-arxiv-digest.xml').replaceAll('arxiv.org/abs', 'example.org/abs');
    const error = thrown(() => parseListing(feed));
    expect(isUnknownFormatError(error), String(error)).toBe(true);
    expect(String(error)).toMatch(/closest format is arxiv-atom, but none of its 2 entries has an arXiv id/);
  });

  it('a project RSS feed and a README reading list are refused naming the closest format', () => {
    const rss = thrown(() => parseListing(fixture('other-projects/project-news.rss')));
    expect(isUnknownFormatError(rss), String(rss)).toBe(true);
    expect(String(rss)).toMatch(/closest formats are arxiv-atom and papertrend-feed/);
    const readme = thrown(() => parseListing(fixture('other-projects/readme-digest.md')));
    expect(isUnknownFormatError(readme), String(readme)).toBe(true);
    expect(String(readme)).toMatch(/closest format is hf-page-text/);
    // Only links, nothing else: still named, with what it lacks.
    const bare = Array.from({ length: 27 }, (_, i) => `https://huggingface.co/papers/2601.${10_000 + i}`).join('\n');
    const links = thrown(() => parseListing(bare));
    expect(isUnknownFormatError(links), String(links)).toBe(true);
    expect(String(links)).toMatch(/closest format is hf-page-text/);
  });
});
