import { readdirSync, readFileSync } from 'node:fs';
import { mergeListings, parseListing } from './src/index.ts';
import { canonicalPaper } from './src/model.ts';

const files = [];
for (const dir of ['hf-api', 'arxiv', 'hf-page-text', 'hf-html'])
  for (const f of readdirSync(`test/fixtures/${dir}`)) files.push(`test/fixtures/${dir}/${f}`);
for (const f of files) {
  let listing;
  try {
    listing = parseListing(readFileSync(f, 'utf8'));
  } catch {
    continue;
  }
  const bad = listing.papers.filter((p) => JSON.stringify(p) !== JSON.stringify(canonicalPaper(p))).length;
  console.log(f.split('/').slice(2).join('/'), listing.format, listing.papers.length, 'non-canonical', bad);
}
