#!/usr/bin/env node
// A static site's daily refresh of its papers, run by a scheduled CI job (.github/workflows/refresh-papers.yml):
//
//   public/papers.json  the listing the widget shows (<TrendingPapers src="/papers.json"> or the script tag)
//   public/feed.xml     RSS 2.0 for feed readers
//   public/feed.json    JSON Feed 1.1
//
// Never blank: the last run's papers.json is the fallback. When Hugging Face is down, or returns fewer than
// half as many papers as last time, the previous papers are kept (merged with today's, newest first) and a
// line on stderr says so. Every file is written under a temporary name and renamed into place, so a run that
// fails midway never publishes half a file.
//
//   node refresh.mjs [--out public] [--site https://example.com]
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, parseListing } from '@papertrend/core';
import { planFeedItems, toFeed } from '@papertrend/core/feed';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'public' },
    site: { type: 'string', default: process.env.SITE_URL ?? 'https://example.com' },
  },
});
const site = values.site.replace(/\/+$/, '');
const papersFile = join(values.out, 'papers.json');

// PAPERTREND_HF_URL points the client at a proxy or, in this example's tests, a local stand-in.
const huggingface = process.env.PAPERTREND_HF_URL;
const client = createClient({
  ...(huggingface ? { baseUrls: { huggingface } } : {}),
  userAgent: `papertrend-scheduled-feed (+${site})`,
});

const previous = existsSync(papersFile) ? parseListing(readFileSync(papersFile)) : undefined;
let today;
let failure;
try {
  today = await client.trending();
} catch (error) {
  failure = `Hugging Face failed: ${error.message}`;
}

const plan = planFeedItems(today?.papers, { previous, maxItems: 60 });
if (plan.papers.length === 0) {
  console.error(
    `refresh: nothing to publish (${failure ?? 'Hugging Face returned no papers'}); files left as they were`,
  );
  process.exit(1);
}
if (plan.keptFromPrevious > 0) {
  const count = today?.papers.length ?? 0;
  console.error(
    `refresh: kept ${plan.keptFromPrevious} papers from the previous run: ${
      failure ?? `Hugging Face returned ${count} paper${count === 1 ? '' : 's'} (fewer than ${plan.minPapers})`
    }`,
  );
}

const listing = {
  papers: plan.papers,
  issues: [],
  format: 'papertrend-json',
  meta: { entries: plan.papers.length, duplicates: 0, keptFromPrevious: plan.keptFromPrevious },
};
const feed = { title: 'Trending papers', link: site, description: 'Trending research papers, refreshed daily.' };

writeAtomically(papersFile, `${JSON.stringify(listing, null, 2)}\n`);
writeAtomically(
  join(values.out, 'feed.xml'),
  toFeed(plan.papers, { ...feed, format: 'rss', feedUrl: `${site}/feed.xml` }),
);
writeAtomically(
  join(values.out, 'feed.json'),
  toFeed(plan.papers, { ...feed, format: 'json', feedUrl: `${site}/feed.json` }),
);
console.log(`refresh: ${plan.papers.length} papers written to ${values.out}/ (papers.json, feed.xml, feed.json)`);

function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
