import { type ClientOptions, createClient } from '@papertrend/core';

/**
 * The site's papertrend client, for Server Components: Hugging Face when reachable, the bundled snapshot
 * when not (offline builds, CI). `PAPERTREND_HF_URL` points it at another base URL (a proxy, the tests'
 * local server).
 */
export function createPapersClient(options: ClientOptions = {}) {
  return createClient({
    fallback: 'snapshot',
    ...(process.env.PAPERTREND_HF_URL ? { baseUrls: { huggingface: process.env.PAPERTREND_HF_URL } } : {}),
    ...options,
  });
}
