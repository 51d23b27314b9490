/**
 * arXiv's query API (`/api/query`): searches, and papers by id, parsed by the `arxiv-atom` source. arXiv
 * asks for one request every 3 seconds, which the politeness slots in `retry.ts` keep.
 */
import { parseListing } from '../../entries/parse.js';
import type { Listing } from '../../model.js';
import { normalizeArxivId } from '../../parse/normalize.js';
import type { ArxivSearchOptions, ClientConfig } from '../options.js';
import { serviceUrl } from '../options.js';
import type { BodyFetcher, FetchOptions } from '../request.js';

export class ArxivService {
  readonly #config: ClientConfig;
  readonly #bodies: BodyFetcher;

  constructor(config: ClientConfig, bodies: BodyFetcher) {
    this.#config = config;
    this.#bodies = bodies;
  }

  search(search: ArxivSearchOptions): Promise<Listing> {
    const parts = [
      search.query?.trim(),
      search.categories?.length ? `(${search.categories.map((c) => `cat:${c}`).join(' OR ')})` : undefined,
    ].filter((part): part is string => !!part);
    return this.#query(
      {
        search_query: parts.join(' AND ') || 'all:*',
        start: search.start,
        max_results: search.maxResults,
        sortBy: search.sortBy,
        sortOrder: search.sortOrder,
      },
      { signal: search.signal },
    );
  }

  /** Papers by id; `cached: false` for the paper lookup, which caches each merged paper instead. */
  byIds(ids: string[], fetchOptions: FetchOptions = {}): Promise<Listing> {
    const idList = ids.map((id) => normalizeArxivId(id) ?? id).join(',');
    return this.#query({ id_list: idList, max_results: ids.length }, fetchOptions);
  }

  /** Pages of a search, advancing by the entries actually received. */
  async *pages(search: ArxivSearchOptions): AsyncGenerator<Listing> {
    let start = search.start ?? 0;
    let emptyRetried = false;
    for (;;) {
      const listing = await this.search({ ...search, start });
      const total = typeof listing.meta.totalResults === 'number' ? listing.meta.totalResults : 0;
      if (listing.meta.entries === 0) {
        // An empty page before the end is a known transient failure: worth one retry, not the end.
        if (start < total && !emptyRetried) {
          emptyRetried = true;
          continue;
        }
        return;
      }
      emptyRetried = false;
      yield listing;
      start += listing.meta.entries;
      if (start >= total) return;
    }
  }

  async #query(params: Record<string, string | number | undefined>, fetchOptions: FetchOptions): Promise<Listing> {
    const url = serviceUrl(this.#config.bases.arxiv, '/api/query', params);
    return parseListing((await this.#bodies.fetch(url, 'arxiv', 'xml', fetchOptions)).text, { format: 'arxiv-atom' });
  }
}
