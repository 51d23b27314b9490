import { createClient, getPapers, type Paper, type PapertrendClient } from '@papertrend/core';
import { createFileCache } from '@papertrend/core/node';

/** The papers a site's cards show, by arXiv id; `undefined` for one neither service knows. */
export type PaperCards = ReadonlyMap<string, Paper | undefined>;

export interface FetchOptions {
  /**
   * The client to fetch with. Default: one that keeps every paper in `node_modules/.cache/papertrend`
   * (`createFileCache()`), so a site's next build reads them from disk, and a paper that cannot be fetched
   * that day renders from the last copy, with a warning.
   */
  client?: PapertrendClient;
}

let buildClient: PapertrendClient | undefined;

/** The default client for builds: the disk cache, Hugging Face and arXiv. */
export function defaultBuildClient(): PapertrendClient {
  buildClient ??= createClient({ cache: { store: createFileCache() } });
  return buildClient;
}

/** Fetch the papers of `ids` (politely batched; each cached on its own). */
export async function fetchPaperCards(ids: readonly string[], options: FetchOptions = {}): Promise<PaperCards> {
  const unique = Array.from(new Set(ids));
  const papers = await getPapers(unique, { client: options.client ?? defaultBuildClient() });
  return new Map(unique.map((id, index) => [id, papers[index]]));
}
