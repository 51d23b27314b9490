/**
 * A `CacheStore` on disk, for site builds: the first build fetches each paper once, later builds read it
 * from disk (offline and reproducible), and a paper that cannot be fetched today still renders from the
 * last saved copy, with a warning. Node only (`@papertrend/core/node`).
 *
 * One file per key, written to a temporary file and renamed over the old one: a reader sees the old entry or
 * the new one, never half of either, and two builds writing at once each leave a whole file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheStore, StaleEntry } from './cache.js';

export interface FileCacheOptions {
  /**
   * The folder (created when first written). Default `node_modules/.cache/papertrend` under the current
   * folder, where CI caches of `node_modules/.cache` keep it between builds.
   */
  dir?: string;
  /**
   * How long an entry stays fresh, in milliseconds, instead of the TTL the client asks for. `Infinity` fetches
   * each key once and never again: a reproducible build (delete the folder to refresh).
   */
  maxAge?: number;
}

interface FileEntry {
  key: string;
  savedAt: number;
  expires: number | null;
  value: string;
}

/** A cache store in a folder, one JSON file per key. */
export function createFileCache(options: FileCacheOptions = {}): CacheStore & { readonly dir: string } {
  // A relative `dir` is the working folder's, as for any file path. Not resolved here: bundlers that trace
  // file access (Next.js) would take a computed absolute path for the whole project and copy all of it.
  const dir = options.dir ?? join(process.cwd(), 'node_modules', '.cache', 'papertrend');
  const { maxAge } = options;
  if (maxAge !== undefined && !(maxAge >= 0)) throw new TypeError('createFileCache: maxAge must be 0 or more');
  // The name hashes the key: keys are URLs, which are long and full of characters no file system likes.
  const fileOf = (key: string): string =>
    join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);

  const read = (key: string): Promise<FileEntry | undefined> => readEntry(fileOf(key), key);

  return {
    dir,
    async get(key) {
      const entry = await read(key);
      if (entry === undefined) return undefined;
      const fresh =
        maxAge === undefined
          ? entry.expires === null || entry.expires > Date.now()
          : entry.savedAt + maxAge > Date.now();
      return fresh ? entry.value : undefined;
    },
    async set(key, value, ttlMs) {
      const savedAt = Date.now();
      const lifetime = maxAge ?? ttlMs;
      const entry: FileEntry = { key, savedAt, expires: Number.isFinite(lifetime) ? savedAt + lifetime : null, value };
      const file = fileOf(key);
      const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      await mkdir(dir, { recursive: true });
      try {
        await writeFile(temporary, JSON.stringify(entry));
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async getStale(key): Promise<StaleEntry | undefined> {
      const entry = await read(key);
      return entry && { value: entry.value, savedAt: entry.savedAt };
    },
  };
}

/** The entry saved for `key` in `file`; a missing, damaged or foreign file is a miss. */
async function readEntry(file: string, key: string): Promise<FileEntry | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const entry = JSON.parse(text) as Partial<FileEntry>;
    // Another key with the same hash prefix is a miss too, not an answer.
    if (entry.key !== key || typeof entry.value !== 'string' || typeof entry.savedAt !== 'number') return undefined;
    return {
      key,
      value: entry.value,
      savedAt: entry.savedAt,
      expires: typeof entry.expires === 'number' ? entry.expires : null,
    };
  } catch {
    return undefined;
  }
}
