/**
 * One paper by id, as a blog post embeds it: Hugging Face's record (upvotes, code, AI summary) merged with
 * arXiv's (the bibliographic fields), under the rules `mergeListings` has. Each merged paper is cached under
 * its own key, not under the batch that fetched it, so a site's next build reads it again without the
 * network whatever other papers it embeds, and a paper neither service knows is remembered as unknown.
 */

import { isHttpError, PaperNotFoundError } from '../errors.js';
import { type Listing, type Paper, PaperSchema } from '../model.js';
import { mergeListings } from '../parse/merge.js';
import { normalizeArxivId } from '../parse/normalize.js';
import { defined } from '../utils/defined.js';
import type { CacheStore } from './cache.js';
import type { CallOptions } from './options.js';
import type { WarningHandler } from './warnings.js';

export type PaperService = 'huggingface' | 'arxiv';

export interface GetPaperOptions extends CallOptions {
  /**
   * Which services to ask (default both). Browsers cannot call arXiv (it sends no CORS header), so code
   * that runs in a browser asks `['huggingface']`.
   */
  services?: readonly PaperService[];
}

/** What the lookup needs of a client. */
export interface PaperLookupDeps {
  hfPaper(id: string, options: CallOptions): Promise<Listing>;
  arxivByIds(ids: string[], options: CallOptions): Promise<Listing>;
  cache: CacheStore | undefined;
  ttl: number;
  warn: WarningHandler;
}

/** arXiv answers `id_list` queries of this many ids in one response, one request per 3 seconds. */
const ARXIV_BATCH = 100;
/** Hugging Face has one paper per request; this many run at once. */
const HF_CONCURRENCY = 4;
const RECORD_VERSION = 1;

/** A cached lookup: the merged paper, or `null` for a paper neither service knows. */
interface PaperRecord {
  v: typeof RECORD_VERSION;
  paper: Paper | null;
}

/** What one service said about one id: a listing, a 404, or a failure to reach it. */
type Answer = { papers: Paper[] } | { error: unknown };

export function paperLookup(deps: PaperLookupDeps): {
  getPaper(idOrUrl: string, options?: GetPaperOptions): Promise<Paper>;
  getPapers(idsOrUrls: readonly string[], options?: GetPaperOptions): Promise<(Paper | undefined)[]>;
} {
  return {
    getPapers: (idsOrUrls, options = {}) => lookUp(deps, idsOrUrls, options),
    async getPaper(idOrUrl, options = {}) {
      const [paper] = await lookUp(deps, [idOrUrl], options);
      if (paper === undefined) throw new PaperNotFoundError(idOrUrl, normalizeArxivId(idOrUrl));
      return paper;
    },
  };
}

async function lookUp(
  deps: PaperLookupDeps,
  idsOrUrls: readonly string[],
  options: GetPaperOptions,
): Promise<(Paper | undefined)[]> {
  const services = new Set<PaperService>(options.services ?? ['huggingface', 'arxiv']);
  if (services.size === 0) throw new TypeError('getPapers: services must name huggingface, arxiv or both');
  const call: CallOptions = defined({ signal: options.signal });
  const ids = idsOrUrls.map((input) => normalizeArxivId(input));
  // `Array.from`, not a spread: Babel's loose mode (Docusaurus transpiles linked packages with it) makes
  // `[...set]` an array holding the Set.
  const unique = Array.from(new Set(ids.filter((id): id is string => id !== undefined)));
  const keyOf = (id: string): string =>
    `papertrend:paper:v${RECORD_VERSION}:${Array.from(services).sort().join('+')}:${id}`;

  const found = new Map<string, Paper | null>();
  await Promise.all(
    unique.map(async (id) => {
      const record = readRecord(await deps.cache?.get(keyOf(id)));
      if (record) found.set(id, record.paper);
    }),
  );
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const [fromHf, fromArxiv] = await Promise.all([
      services.has('huggingface') ? hfAnswers(deps, missing, call) : undefined,
      services.has('arxiv') ? arxivAnswers(deps, missing, call) : undefined,
    ]);
    for (const id of missing) {
      const answers = [fromHf?.get(id), fromArxiv?.get(id)].filter((answer) => answer !== undefined);
      found.set(id, await settle(deps, id, answers, keyOf(id)));
    }
  }
  return ids.map((id) => (id === undefined ? undefined : (found.get(id) ?? undefined)));
}

/**
 * One paper from what the services said: merged and cached when all answered; from the one that answered,
 * with a warning, when the other failed; the last saved lookup, however old, when none did.
 */
async function settle(deps: PaperLookupDeps, id: string, answers: Answer[], key: string): Promise<Paper | null> {
  const failed = answers.filter((answer) => 'error' in answer);
  const papers = answers.flatMap((answer) => ('papers' in answer ? answer.papers : []));
  if (failed.length === 0 || papers.length > 0) {
    const paper = papers.length > 0 ? mergedPaper(papers) : null;
    if (failed.length === 0) await deps.cache?.set(key, JSON.stringify({ v: RECORD_VERSION, paper }), deps.ttl);
    else {
      deps.warn({
        code: 'partial-paper',
        message: `paper ${id} was read from one service only; the other failed (${messageOf(failed[0]?.error)})`,
        url: id,
        cause: failed[0]?.error,
      });
    }
    return paper;
  }
  const stale = await deps.cache?.getStale?.(key);
  const record = readRecord(stale?.value);
  const error = failed[0]?.error;
  if (!stale || !record) throw error;
  const savedAt = new Date(stale.savedAt).toISOString();
  deps.warn({
    code: 'stale-cache',
    message: `paper ${id} could not be fetched (${messageOf(error)}); using the copy saved at ${savedAt}`,
    url: key,
    savedAt,
    cause: error,
  });
  return record.paper;
}

/** Hugging Face, one request per paper, a few at a time; a 404 is an answer (it does not know the paper). */
async function hfAnswers(deps: PaperLookupDeps, ids: string[], call: CallOptions): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      try {
        answers.set(id, { papers: (await deps.hfPaper(id, call)).papers });
      } catch (error) {
        if (call.signal?.aborted) throw error;
        answers.set(id, isHttpError(error) && error.status === 404 ? { papers: [] } : { error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(HF_CONCURRENCY, ids.length) }, worker));
  return answers;
}

/** arXiv, up to 100 ids a request; an id absent from the feed is one arXiv does not know. */
async function arxivAnswers(deps: PaperLookupDeps, ids: string[], call: CallOptions): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (let start = 0; start < ids.length; start += ARXIV_BATCH) {
    const batch = ids.slice(start, start + ARXIV_BATCH);
    try {
      const listing = await deps.arxivByIds(batch, call);
      for (const id of batch) answers.set(id, { papers: listing.papers.filter((paper) => paper.arxivId === id) });
    } catch (error) {
      if (call.signal?.aborted) throw error;
      for (const id of batch) answers.set(id, { error });
    }
  }
  return answers;
}

/** Hugging Face's record first, so its fields win where arXiv has none; arXiv's win the bibliographic ones. */
function mergedPaper(papers: Paper[]): Paper {
  const listings = papers.map(
    (paper): Listing => ({
      papers: [paper],
      issues: [],
      format: paper.source,
      meta: { entries: 1, duplicates: 0 },
    }),
  );
  return mergeListings(...listings).papers[0] as Paper;
}

/** A cached record, checked again: a cache on disk may hold another version's record or a damaged file. */
function readRecord(text: string | undefined): PaperRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { v?: unknown; paper?: unknown };
    if (value.v !== RECORD_VERSION) return undefined;
    if (value.paper === null) return { v: RECORD_VERSION, paper: null };
    const parsed = PaperSchema.safeParse(value.paper);
    return parsed.success ? { v: RECORD_VERSION, paper: parsed.data as Paper } : undefined;
  } catch {
    return undefined;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
