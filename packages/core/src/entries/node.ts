/**
 * `@papertrend/core/node`: what only Node has, kept out of every entry a browser loads — the cache on disk
 * for site builds.
 */
export { createFileCache, type FileCacheOptions } from '../client/file-cache.js';
