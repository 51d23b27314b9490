import type { Paper } from '../model.js';
import { createClient, type PapertrendClient } from './index.js';
import type { GetPaperOptions } from './paper-lookup.js';

export interface GetPaperWithClientOptions extends GetPaperOptions {
  /** The client to fetch with (its cache, retries and base URLs). Default: one shared `createClient()`. */
  client?: PapertrendClient;
}

let sharedClient: PapertrendClient | undefined;
function clientOf(options: GetPaperWithClientOptions): PapertrendClient {
  if (options.client) return options.client;
  sharedClient ??= createClient();
  return sharedClient;
}

/**
 * One paper, as a card shows it: Hugging Face's record (upvotes, code, AI summary, thumbnail) merged with
 * arXiv's for the bibliographic fields. `idOrUrl` is any form `normalizeArxivId` reads: `2106.09685`,
 * `arXiv:2106.09685v2`, `https://arxiv.org/abs/…`, `https://huggingface.co/papers/…`, the arXiv DOI.
 *
 * A paper Hugging Face does not know comes from arXiv alone. One neither knows, or input that is no id, is a
 * `PaperNotFoundError`; a failure to reach the services is the client's error, unless a cached copy answers
 * (with a `stale-cache` warning).
 *
 * @example
 * ```ts
 * const paper = await getPaper('https://huggingface.co/papers/2106.09685');
 * ```
 */
export function getPaper(idOrUrl: string, options: GetPaperWithClientOptions = {}): Promise<Paper> {
  return clientOf(options).getPaper(idOrUrl, options);
}

/**
 * Many papers at once, in the order asked, with `undefined` for any neither service knows. arXiv is asked
 * for up to 100 ids a request, 3 seconds apart; each paper is cached on its own.
 */
export function getPapers(
  idsOrUrls: readonly string[],
  options: GetPaperWithClientOptions = {},
): Promise<(Paper | undefined)[]> {
  return clientOf(options).getPapers(idsOrUrls, options);
}
