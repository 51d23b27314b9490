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
        return { listing, title: `Trending on Hugging Face${fallbackNote(listing)}` };
      }
      case 'daily': {
        const listing = await client.daily(defined({ limit, date: values.date || undefined }));
        const day = values.date ? `, ${values.date}` : '';
        return { listing, title: `Hugging Face Daily Papers${day}${fallbackNote(listing)}` };
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

/** The heading's note when the snapshot answered instead of Hugging Face. */
export function fallbackNote(listing: Listing): string {
  return listing.meta.fallback === 'snapshot'
    ? ` — offline: showing the bundled snapshot (${listing.meta.date}) because ${listing.meta.fallbackReason}`
    : '';
}

function baseUrlFromEnv(name: string): string | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) {
    throw new UsageError(`${name} must be an http(s) URL, not ${JSON.stringify(value.slice(0, 100))}`);
  }
  return value;
}
