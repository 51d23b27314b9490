// Usage: node index.mjs [listing-file]
// Parses any listing papertrend knows (Hugging Face API JSON, copied page text, …); without a file it uses
// the snapshot bundled with @papertrend/core, so it runs with no network.
import { readFile } from 'node:fs/promises';
import { isPapertrendError, parseListing } from '@papertrend/core';

async function loadListing(file) {
  if (file === undefined) {
    const { snapshot } = await import('@papertrend/core/snapshot');
    return snapshot.daily;
  }
  return parseListing(await readFile(file));
}

try {
  const listing = await loadListing(process.argv[2]);
  const top = [...listing.papers].sort((a, b) => (b.metrics.upvotes ?? 0) - (a.metrics.upvotes ?? 0)).slice(0, 5);
  console.log(
    `${listing.papers.length} papers (${listing.format}), ${listing.issues.length} issues. Top ${top.length}:`,
  );
  for (const paper of top) {
    const upvotes = paper.metrics.upvotes === undefined ? '' : ` ▲${paper.metrics.upvotes}`;
    console.log(`- ${paper.title}${upvotes}\n  ${paper.links.page ?? paper.links.abstract ?? ''}`);
  }
  for (const issue of listing.issues) console.error(`${issue.severity}: ${issue.message}`);
} catch (error) {
  // papertrend's errors say what was wrong with the input; anything else is a bug worth a stack trace.
  if (!isPapertrendError(error)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
