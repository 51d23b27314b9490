// Usage: node index.mjs [listing-file] [--search "query"]
// Without a file it asks Hugging Face for trending papers, and falls back to the snapshot bundled with
// @papertrend/core when the network is unavailable, so it always runs. With a file it parses any listing
// papertrend knows (Hugging Face API JSON or HTML, arXiv Atom, copied page text).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createClient, createSearchIndex, isPapertrendError, parseListing } from '@papertrend/core';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { search: { type: 'string' } } });

async function loadListing(file) {
  if (file !== undefined) return parseListing(await readFile(file));
  const client = createClient({
    fallback: 'snapshot',
    timeout: 5_000,
    retry: { limit: 1 },
    // Told when the answer is not fresh from Hugging Face (here: the bundled snapshot), in this script's words.
    onWarning: (warning) => console.error(`offline, using the bundled snapshot: ${warning.cause.message}`),
    // Point at a proxy or a test server; the default is the real Hugging Face API.
    ...(process.env.PAPERTREND_HF_URL ? { baseUrls: { huggingface: process.env.PAPERTREND_HF_URL } } : {}),
  });
  return client.trending({ limit: 50 });
}

try {
  const listing = await loadListing(positionals[0]);
  const papers = values.search
    ? createSearchIndex(listing.papers)
        .search(values.search, { limit: 5 })
        .map((hit) => hit.paper)
    : [...listing.papers].sort((a, b) => (b.metrics.upvotes ?? 0) - (a.metrics.upvotes ?? 0)).slice(0, 5);
  console.log(
    `${listing.papers.length} papers (${listing.format}), ${listing.issues.length} issues. Top ${papers.length}:`,
  );
  for (const paper of papers) {
    const upvotes = paper.metrics.upvotes === undefined ? '' : ` ▲${paper.metrics.upvotes}`;
    console.log(`- ${paper.title}${upvotes}\n  ${paper.links.page ?? paper.links.abstract ?? ''}`);
  }
  for (const issue of listing.issues) console.error(`${issue.severity}: ${issue.message}`);
} catch (error) {
  // papertrend's errors say what went wrong in one line; anything else is a bug worth a stack trace.
  if (!isPapertrendError(error)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
