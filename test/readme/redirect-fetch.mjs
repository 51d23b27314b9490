// Preloaded into the processes that run README snippets: requests to the real services go to the test's
// local server instead (this machine has no network, and tests never call real services). The snippets
// themselves run exactly as written.
const base = process.env.PAPERTREND_TEST_SERVER;
const HOSTS = new Set(['huggingface.co', 'export.arxiv.org', 'example.com']);
const original = globalThis.fetch;

globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!base || !HOSTS.has(url.host)) return original(input, init);
  const target = new URL(`${url.pathname}${url.search}`, base).href;
  return original(input instanceof Request ? new Request(target, input) : target, init);
};
