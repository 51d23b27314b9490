/**
 * A fetch client for Hugging Face and arXiv, built on ky: a deadline per attempt that covers headers and
 * body, a cap on response size, retries with exponential backoff and jitter that honour `Retry-After`, a
 * politeness delay per host, de-duplication of identical in-flight requests, a TTL cache, typed errors, and
 * an optional offline fallback to the bundled snapshot. Responses go through the same source parsers as
 * `parseListing`: one parsing path per format. Only `fetch` is used, so it runs in Node 20+, browsers and
 * edge runtimes.
 *
 * This file only wires the parts together: `options.ts` (options normalised once), `request.ts` (cache,
 * sharing, retries), `transport.ts` (one attempt), `services/` (what each service is asked and how its
 * answer is read) and `paper-lookup.ts` (one paper from both services).
 */
import { defined } from '../utils/defined.js';
import { type ClientOptions, configure, type PapertrendClient } from './options.js';
import { paperLookup } from './paper-lookup.js';
import { BodyFetcher } from './request.js';
import { ArxivService } from './services/arxiv.js';
import { HuggingFaceService } from './services/hugging-face.js';

export { type CacheStore, createMemoryCache, type StaleEntry } from './cache.js';
export type {
  ArxivSearchOptions,
  CallOptions,
  ClientOptions,
  DailyOptions,
  PapertrendClient,
} from './options.js';
export type { RetryPolicy } from './retry.js';

/** Create a client. Every option has a sensible default; `createClient()` talks to the real services. */
export function createClient(options: ClientOptions = {}): PapertrendClient {
  const config = configure(options);
  const bodies = new BodyFetcher(config);
  const hf = new HuggingFaceService(config, bodies);
  const arxiv = new ArxivService(config, bodies);
  // The lookup caches each merged paper itself (under its id, not under the batch that fetched it), so the
  // responses it is made of are not cached a second time.
  const lookup = paperLookup({
    hfPaper: (id, { signal }) => hf.paper(id, { signal, cached: false }),
    arxivByIds: (ids, { signal }) => arxiv.byIds(ids, { signal, cached: false }),
    cache: config.cache,
    // A paper's record mixes both services; it is as fresh as the fresher-changing one (Hugging Face's upvotes).
    ttl: config.ttl.huggingface,
    warn: config.warn,
  });
  return {
    daily: (dailyOptions) => hf.daily(dailyOptions),
    trending: (trendingOptions) => hf.trending(trendingOptions),
    search: (query, searchOptions) => hf.search(query, searchOptions),
    paper: (id, { signal } = {}) => hf.paper(id, defined({ signal })),
    ...lookup,
    dailyPages: (pageOptions) => hf.dailyPages(pageOptions),
    arxiv: {
      search: (search) => arxiv.search(search),
      byIds: (ids, { signal } = {}) => arxiv.byIds(ids, { signal }),
      pages: (search) => arxiv.pages(search),
    },
  };
}
