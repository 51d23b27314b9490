/**
 * `trending`, `daily`, `search`, `paper` and `arxiv`: one call of the client, against the real services or
 * the base URLs in `PAPERTREND_HF_URL` and `PAPERTREND_ARXIV_URL`.
 */
import { createClient } from '../../client/index.js';
import type { Listing } from '../../model.js';
import { defined } from '../../utils/defined.js';
import type { Io } from '../io.js';
import { UsageError, type Values } from '../options.js';

/** A listing and the heading it is shown under. */
export interface Shown {
  listing: Listing;
  title: string;
}

export type FetchCommand = 'trending' | 'daily' | 'search' | 'paper' | 'arxiv';

export async function fetchListing(
  command: FetchCommand,
  rest: string[],
  values: Values,
  limit: number | undefined,
  io: Io,
): Promise<Shown> {
  const client = createClient({
    baseUrls: defined({
      huggingface: baseUrlFromEnv('PAPERTREND_HF_URL'),
      arxiv: baseUrlFromEnv('PAPERTREND_ARXIV_URL'),
    }),
    userAgent: 'papertrend-cli (+https://www.npmjs.com/package/@papertrend/core)',
    ...defined({ fallback: values.fallback ? ('snapshot' as const) : undefined }),
    // The CLI says on stderr itself which snapshot it served (noteSnapshot), in its own words.
    onWarning: false,
  });
  const query = rest.join(' ').trim();
  const needsQuery = command === 'search' || command === 'paper' || command === 'arxiv';
  if (needsQuery && query === '') throw new UsageError(`${command} needs ${command === 'paper' ? 'an id' : 'a query'}`);
  const stopProgress = io.progress?.(`fetching ${command}…`);
  try {
    switch (command) {
      case 'trending': {
        const listing = await client.trending(defined({ limit }));
        return { listing, title: headingOf('trending', listing) };
      }
      case 'daily': {
        const listing = await client.daily(defined({ limit, date: values.date || undefined }));
        return { listing, title: headingOf('daily', listing, values.date || undefined) };
      }
      case 'search':
        return {
          listing: await client.search(query, defined({ limit })),
          title: `Hugging Face papers matching "${query}"`,
        };
      case 'paper':
        return { listing: await client.paper(query), title: `Paper ${query}` };
      default:
        return {
          listing: await client.arxiv.search({ query, ...defined({ maxResults: limit }) }),
          title: `arXiv: ${query}`,
        };
    }
  } finally {
    stopProgress?.();
  }
}

/**
 * A listing's heading, and what it really is when the snapshot answered. The snapshot's trending page is copied
 * text with no links, so `trending` falls back to the Daily Papers day most upvoted first: the heading names
 * that day instead of calling it trending. Why the snapshot answered is told on stderr (noteSnapshot).
 */
export function headingOf(kind: 'trending' | 'daily', listing: Listing, date?: string): string {
  if (listing.meta.fallback !== 'snapshot') {
    return kind === 'trending' ? 'Trending on Hugging Face' : `Hugging Face Daily Papers${date ? `, ${date}` : ''}`;
  }
  const order = kind === 'trending' ? ', most upvoted first' : '';
  return `Hugging Face Daily Papers of ${listing.meta.date}${order} (the bundled snapshot, not today's papers)`;
}

function baseUrlFromEnv(name: string): string | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) {
    throw new UsageError(`${name} must be an http(s) URL, not ${JSON.stringify(value.slice(0, 100))}`);
  }
  return value;
}
