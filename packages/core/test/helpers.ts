import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** A fixture copied into this package (small, committed). */
export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)), 'utf8');
}

/** One real day of `/api/daily_papers`, as captured. */
export interface CorpusDay {
  /** `2025-03-11.json` */
  name: string;
  text: string;
}

let corpus: CorpusDay[] | undefined;

/**
 * The 156 real API days (2,966 papers) the corpus-wide tests check, vendored compressed in
 * `fixtures/corpus/`, so a clone has everything `pnpm test` needs.
 */
export function corpusDays(): CorpusDay[] {
  corpus ??= gunzipSync(
    readFileSync(fileURLToPath(new URL('./fixtures/corpus/hf-api-daily-papers.jsonl.gz', import.meta.url))),
  )
    .toString('utf8')
    .split('\n')
    .map((line) => JSON.parse(line) as CorpusDay);
  return corpus;
}

/** The error a call rejects with; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

/** The error `run` throws; fails the test if it returns. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
