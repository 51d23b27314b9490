/**
 * Where cached response bodies live: the store interface every cache implements, and the default store in
 * memory. `createFileCache` (`@papertrend/core/node`) keeps them on disk for builds; any store plugs in.
 */

export interface CacheStore {
  /** The value stored under `key` while it is fresh; `undefined` once it has expired. */
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): void | Promise<void>;
  /**
   * Optional: the last value stored under `key` even when it has expired. When a service cannot be reached,
   * the client answers with it (HTTP's `stale-if-error`) and warns (`stale-cache`) instead of failing.
   */
  getStale?(key: string): StaleEntry | undefined | Promise<StaleEntry | undefined>;
}

/** An expired cached value, and when it was stored (milliseconds since the epoch). */
export interface StaleEntry {
  value: string;
  savedAt: number;
}

/**
 * A small in-memory TTL cache (the default store). Expired entries stay until newer ones push them out, so a
 * failed request can still be answered from its last copy.
 */
export function createMemoryCache(maxEntries = 200): CacheStore {
  const entries = new Map<string, { value: string; expires: number; savedAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      return entry && entry.expires > Date.now() ? entry.value : undefined;
    },
    set(key, value, ttlMs) {
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      const now = Date.now();
      entries.set(key, { value, expires: now + ttlMs, savedAt: now });
    },
    getStale(key) {
      const entry = entries.get(key);
      return entry && { value: entry.value, savedAt: entry.savedAt };
    },
  };
}
