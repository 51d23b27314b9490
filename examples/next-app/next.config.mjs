/** @type {import('next').NextConfig} */
const nextConfig = {
  // This example lives in a pnpm workspace: trace files from its root.
  outputFileTracingRoot: new URL('../..', import.meta.url).pathname,
  turbopack: { root: new URL('../..', import.meta.url).pathname },
};

export default nextConfig;
