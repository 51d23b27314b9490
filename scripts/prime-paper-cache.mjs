// Fills a paper cache (createFileCache) for the examples, so each builds offline and the same every time,
// as a site does once its CI has fetched each paper. The machines that build the examples have no network:
// the papers come from the repository's saved responses (a Hugging Face day, an arXiv feed), served on
// 127.0.0.1 to the real client, so the records are exactly what getPaper makes of real answers.
//
//   node scripts/prime-paper-cache.mjs <dir> <id> [<id> …]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createClient } from '../packages/core/dist/index.js';
import { createFileCache } from '../packages/core/dist/node.js';

const [dir, ...ids] = process.argv.slice(2);
if (!dir || ids.length === 0) {
  console.error('usage: node scripts/prime-paper-cache.mjs <dir> <id> [<id> …]');
  process.exit(2);
}
const fixtures = new URL('../packages/core/test/fixtures/', import.meta.url);
const day = JSON.parse(readFileSync(new URL('hf-api/2026-08-21.json', fixtures), 'utf8'));
const hfPapers = new Map(day.map((entry) => [entry.paper.id, entry.paper]));
const arxivFeeds = { 1707.08567: 'arxiv/api-new-2026_id-1707.08567.xml' };
const emptyFeed = 'arxiv/api-new-2026_empty_id-0000.0000.xml';

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const paper = /^\/api\/papers\/(.+)$/.exec(url.pathname);
  if (paper) {
    const record = hfPapers.get(decodeURIComponent(paper[1]));
    res.writeHead(record ? 200 : 404, { 'content-type': 'application/json' });
    res.end(record ? JSON.stringify(record) : '{"error":"Not Found"}');
    return;
  }
  if (url.pathname === '/api/query') {
    const wanted = (url.searchParams.get('id_list') ?? '').split(',');
    const known = wanted.filter((id) => id in arxivFeeds);
    // One id a feed is all the saved feeds hold; the examples ask for at most one arXiv paper.
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end(readFileSync(new URL(known.length === 1 ? arxivFeeds[known[0]] : emptyFeed, fixtures)));
    return;
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
try {
  const client = createClient({
    baseUrls: { huggingface: base, arxiv: base },
    politeness: { arxiv: 0 },
    cache: { store: createFileCache({ dir, maxAge: Number.POSITIVE_INFINITY }) },
  });
  const papers = await client.getPapers(ids);
  for (const [index, id] of ids.entries()) console.log(`${id}: ${papers[index]?.title ?? '(unknown)'}`);
} finally {
  server.close();
}
