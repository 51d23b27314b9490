import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A fixture copied into this package (small, committed). */
export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)), 'utf8');
}

/**
 * The shared corpus beside the repository (`../shared/fixtures`), used only for corpus-wide checks.
 * CI always has it; elsewhere set PAPERTREND_SHARED_FIXTURES to point at a copy.
 */
export const sharedFixturesDir =
  process.env.PAPERTREND_SHARED_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures', import.meta.url));

export function sharedDailyPaperFiles(): string[] {
  const dir = `${sharedFixturesDir}/hf-api/daily_papers`;
  if (!existsSync(dir)) {
    throw new Error(`The shared fixture corpus is missing at ${dir}: set PAPERTREND_SHARED_FIXTURES.`);
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${dir}/${name}`);
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
