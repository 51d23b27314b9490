/**
 * Hugging Face's papers API: Daily Papers (by day, week or month, and its trending sort), paper search and
 * one paper, each parsed by the `hf-api` source. With `fallback: 'snapshot'`, the listing calls answer from
 * the bundled snapshot when Hugging Face cannot be reached, and say so.
 */
import { parseListing } from '../../entries/parse.js';
import type { Listing } from '../../model.js';
import { normalizeArxivId, wellFormed } from '../../parse/normalize.js';
import { defined } from '../../utils/defined.js';
import type { CallOptions, ClientConfig, DailyOptions } from '../options.js';
import { serviceUrl } from '../options.js';
import { type BodyFetcher, type FetchOptions, isUnreachable } from '../request.js';

/**
 * How the bundled Daily Papers day stands in for a listing: as the day (`daily`), or most upvoted first, as
 * Hugging Face's trending sort shows it (`trending`). The snapshot's trending page is not used: copied page
 * text, it has no links, dates or ids.
 */
type SnapshotOrder = 'daily' | 'trending';

export class HuggingFaceService {
  readonly #config: ClientConfig;
  readonly #bodies: BodyFetcher;

  constructor(config: ClientConfig, bodies: BodyFetcher) {
    this.#config = config;
    this.#bodies = bodies;
  }

  daily(options: DailyOptions = {}): Promise<Listing> {
    return this.#withSnapshot('daily', this.#dailyUrl(options), options.signal);
  }

  trending({ limit, signal }: { limit?: number } & CallOptions = {}): Promise<Listing> {
    return this.#withSnapshot('trending', this.#dailyUrl({ sort: 'trending', ...defined({ limit }) }), signal);
  }

  search(query: string, { limit, signal }: { limit?: number } & CallOptions = {}): Promise<Listing> {
    return this.listing(this.#url('/api/papers/search', { q: query.slice(0, 250), limit }), { signal });
  }

  /** One paper; `cached: false` for the paper lookup, which caches the merged paper instead. */
  paper(id: string, fetchOptions: FetchOptions = {}): Promise<Listing> {
    const path = `/api/papers/${encodeURIComponent(wellFormed(normalizeArxivId(id) ?? id))}`;
    return this.listing(this.#url(path, {}), fetchOptions);
  }

  /** Pages of Daily Papers until an empty page. */
  async *dailyPages(options: Omit<DailyOptions, 'page'> = {}): AsyncGenerator<Listing> {
    for (let page = 0; ; page++) {
      const listing = await this.daily({ ...options, page });
      if (listing.papers.length === 0 && listing.issues.length === 0) return;
      yield listing;
    }
  }

  /** The listing at `url`, parsed as the `hf-api` format. */
  async listing(url: string, fetchOptions: FetchOptions): Promise<Listing> {
    const body = await this.#bodies.fetch(url, 'huggingface', 'json', fetchOptions);
    // The JSON was parsed once to check it arrived whole; the parser reads that value instead of parsing again.
    const { json } = body;
    return parseListing(typeof json === 'object' && json !== null ? json : body.text, { format: 'hf-api' });
  }

  #url(path: string, params: Record<string, string | number | undefined>): string {
    return serviceUrl(this.#config.bases.huggingface, path, params);
  }

  #dailyUrl({ date, week, month, limit, page, sort }: Omit<DailyOptions, 'signal'>): string {
    return this.#url('/api/daily_papers', { date, week, month, limit, p: page, sort });
  }

  /** The listing at `url`, or with `fallback: 'snapshot'` the bundled day when Hugging Face is unreachable. */
  async #withSnapshot(order: SnapshotOrder, url: string, signal: AbortSignal | undefined): Promise<Listing> {
    try {
      return await this.listing(url, { signal });
    } catch (error) {
      if (!(this.#config.fallback === 'snapshot' && isUnreachable(error))) throw error;
      return this.#snapshot(order, url, error);
    }
  }

  async #snapshot(order: SnapshotOrder, url: string, error: unknown): Promise<Listing> {
    const { snapshot, snapshotPapers } = await import('../../entries/snapshot.js');
    const day = snapshot.daily.meta.date as string;
    const reason = String((error as Error).message);
    this.#config.warn({
      code: 'snapshot',
      message: `Hugging Face could not be reached (${reason}); answered with the bundled snapshot, the Daily Papers of ${day}${order === 'trending' ? ' most upvoted first' : ''}, not today's papers`,
      url,
      savedAt: day,
      cause: error,
    });
    return {
      ...snapshot.daily,
      papers: order === 'trending' ? [...snapshotPapers] : snapshot.daily.papers,
      meta: { ...snapshot.daily.meta, fallback: 'snapshot', fallbackReason: reason },
    };
  }
}
