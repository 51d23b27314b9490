import { defineConfig } from 'vitest/config';

/** Settings every package's tests share: read workspace packages from source, fail on console noise. */
export const sharedTestConfig = defineConfig({
  resolve: { conditions: ['@papertrend/source'] },
  ssr: { resolve: { conditions: ['@papertrend/source'] } },
  test: {
    setupFiles: [new URL('./test/no-console.ts', import.meta.url).pathname],
  },
});
