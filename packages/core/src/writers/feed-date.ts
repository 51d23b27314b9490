import type { Paper } from '../model.js';

/** The date a feed files a paper under: when Hugging Face featured it, else when it was published. */
export function feedDate(paper: Paper): string | undefined {
  return paper.featuredAt ?? paper.publishedAt ?? paper.updatedAt;
}
