// Usage: tsx index.ts papers.csv — register the CSV source, then let parseListing detect it.
import { readFileSync } from 'node:fs';
import { describePosition, parseListing, registerSource } from '@papertrend/core';
import { csvSource } from './csv-source.js';

registerSource(csvSource);
const listing = parseListing(readFileSync(process.argv[2] ?? 'papers.csv', 'utf8'));
console.log(`${listing.papers.length} papers from ${listing.format}:`);
for (const paper of listing.papers) console.log(`- ${paper.id}  ${paper.title}`);
for (const issue of listing.issues) console.log(`${issue.severity} at ${describePosition(issue)}: ${issue.message}`);
