import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runProcess } from '../process.js';

// A stranger's first minutes: the three packages packed as the registry would publish them, installed with
// npm into an empty project (their dependencies come from the npm registry), then used as the READMEs say —
// the CLI, ESM and CJS imports, every entry point, server rendering, and the types (skipLibCheck off).
const root = fileURLToPath(new URL('../../', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'papertrend-stranger-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const ok = async (command: string, args: string[]) => {
  const run = await runProcess(command, args, { cwd: project, killAfter: 240_000 });
  expect(run.code, `${command} ${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

it('installs from the packed tarballs into an empty npm project and works as documented', async () => {
  for (const name of ['core', 'react', 'embed', 'markdown']) {
    await ok('pnpm', ['pack', '--pack-destination', project, '--dir', `${root}packages/${name}`]);
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'stranger', private: true, type: 'module' }));
  await ok('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    './papertrend-core-0.0.0.tgz',
    './papertrend-react-0.0.0.tgz',
    './papertrend-embed-0.0.0.tgz',
    './papertrend-markdown-0.0.0.tgz',
    'react@19',
    'react-dom@19',
    '@types/react@19',
  ]);
  expect((await ok('node', ['node_modules/.bin/papertrend', '--version'])).trim()).toBe('0.0.0');
  expect(await ok('node', ['node_modules/.bin/papertrend', 'snapshot', '--limit', '2'])).toMatch(/2 of 17 papers/);
  // Offline, trending is the bundled day most upvoted first, and its heading says so.
  expect(await ok('node', ['node_modules/.bin/papertrend', 'trending', '--offline', '--limit', '1'])).toMatch(
    /^Hugging Face Daily Papers of 2026-08-21, most upvoted first \(the bundled snapshot/,
  );
  expect(await ok('node', ['node_modules/.bin/papertrend', 'feed', '--offline', '--format', 'atom'])).toMatch(
    /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/,
  );

  writeFileSync(
    join(project, 'use.mjs'),
    `import { createSearchIndex, mergeListings, parseListing } from '@papertrend/core';
import { parseListing as parse } from '@papertrend/core/parse';
import { parseListing as lite } from '@papertrend/core/lite';
import { snapshot } from '@papertrend/core/snapshot';
import { toBibtex, toFeed } from '@papertrend/core/feed';
import { mount } from '@papertrend/embed';
import { TrendingPapers } from '@papertrend/react';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const text = JSON.stringify(snapshot.daily);
const listing = parseListing(text);
const html = renderToString(createElement(TrendingPapers, { papers: listing.papers, limit: 2 }));
const compact = renderToString(
  createElement(TrendingPapers, { papers: listing.papers, limit: 3, variant: 'compact', showThumbnails: true }),
);
const styles = readFileSync(fileURLToPath(import.meta.resolve('@papertrend/react/styles.css')), 'utf8');
let refused = '';
try { parseListing('Just some notes.\\n\\nNothing here is a paper.'); } catch (error) { refused = error.name; }
console.log(JSON.stringify({
  papers: [listing.papers.length, parse(text).papers.length, lite(text).papers.length],
  hits: createSearchIndex(listing.papers).search('agent').length > 0,
  merged: mergeListings(listing, listing).papers.length,
  feed: parseListing(toFeed(listing, { format: 'rss' })).papers.length,
  bibtex: toBibtex(listing.papers).match(/^@misc/gm).length,
  cards: html.match(/class="pt-card"/g).length,
  rows: compact.match(/class="pt-row"/g).length,
  thumbnails: compact.match(/<img class="pt-thumb"[^>]* loading="lazy"/g).length,
  hostProofStyles: styles.includes('.pt-root.pt-root *'),
  mount: typeof mount,
  refused,
}));
`,
  );
  expect(JSON.parse(await ok('node', ['use.mjs']))).toEqual({
    papers: [17, 17, 17],
    hits: true,
    merged: 17,
    feed: 17,
    bibtex: 17,
    cards: 2,
    rows: 3,
    thumbnails: 3,
    hostProofStyles: true,
    mount: 'function',
    refused: 'UnknownFormatError',
  });
  expect(await ok('node', ['-e', "console.log(typeof require('@papertrend/core').parseListing)"])).toBe('function\n');

  // One paper, as "Embed one paper" says: a saved paper reads back, the disk cache keeps it, the server entry
  // and the Markdown renderer load from the tarballs (ESM and CJS), and a card comes out as static HTML.
  writeFileSync(
    join(project, 'one.mjs'),
    `import { parseListing } from '@papertrend/core';
import { createFileCache } from '@papertrend/core/node';
import { snapshot } from '@papertrend/core/snapshot';
import { EmbeddedPaper } from '@papertrend/react';
import { Paper, trimForWidget } from '@papertrend/react/server';
import { renderPaperCard, standalonePaperLinks } from '@papertrend/markdown';
const paper = snapshot.daily.papers[0];
const cache = createFileCache({ dir: 'paper-cache' });
await cache.set('paper', JSON.stringify(paper), 60_000);
const card = renderPaperCard(paper);
console.log(JSON.stringify({
  saved: parseListing(await cache.get('paper')).papers[0].title === paper.title,
  card: card.includes('class="pt-root pt-embedded"') && !/<script|<button/.test(card),
  links: standalonePaperLinks('Read this:\\n\\nhttps://arxiv.org/abs/2106.09685\\n\\nor https://arxiv.org/abs/1707.08567.'),
  components: [typeof EmbeddedPaper, typeof Paper],
  trimmed: JSON.stringify(trimForWidget(snapshot.daily, { limit: 5, variant: 'compact' })).length * 10 <
    JSON.stringify(snapshot.daily.papers).length,
}));
`,
  );
  expect(JSON.parse(await ok('node', ['one.mjs']))).toEqual({
    saved: true,
    card: true,
    links: ['2106.09685'],
    components: ['function', 'function'],
    trimmed: true,
  });
  // Prerendered HTML for static sites, from the embed's server entry.
  expect(
    await ok('node', [
      '--input-type=module',
      '-e',
      'import { renderTrendingPapers } from \'@papertrend/embed/server\'; import { snapshot } from \'@papertrend/core/snapshot\'; const html = renderTrendingPapers({ papers: snapshot.daily, attributes: { limit: 2 } }); console.log(html.startsWith(\'<trending-papers limit="2"><template shadowrootmode="open">\'), html.match(/class="pt-card"/g).length)',
    ]),
  ).toBe('true 2\n');
  // The embed ships ESM only; CommonJS on Node >= 20.19 requires it all the same.
  expect(await ok('node', ['-e', "console.log(typeof require('@papertrend/embed').mount)"])).toBe('function\n');
  expect(await ok('node', ['-e', "console.log(typeof require('@papertrend/markdown').rehypePaperCards)"])).toBe(
    'function\n',
  );
  expect(
    await ok('node', ['-e', "console.log(require('@papertrend/core/feed').toFeed([], { format: 'json' }).length > 0)"]),
  ).toBe('true\n');

  writeFileSync(
    join(project, 'page.tsx'),
    `import type {} from '@papertrend/embed/react';
import { createClient, type Paper, parseListing } from '@papertrend/core';
import { type FeedOptions, toFeed } from '@papertrend/core/feed';
import { TrendingPapers } from '@papertrend/react';
const papers: Paper[] = parseListing('[]').papers;
const options: FeedOptions = { format: 'atom', summary: 'ai-summary' };
export const feed: string = toFeed(papers, options);
export const Widget = () => <TrendingPapers papers={papers} />;
const client = createClient({ fallback: 'snapshot' });
export const Sidebar = () => <TrendingPapers client={client} period="week" variant="compact" showThumbnails />;
export const Element = () => <trending-papers src="/papers.json" limit="5" />;
export const Compact = () => <trending-papers src="/papers.json" variant="compact" thumbnails search="on" />;
export const OneCard = () => <paper-card paper="2106.09685" theme="dark" />;
`,
  );
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  await ok('node', [
    tsc,
    '--noEmit',
    '--strict',
    '--jsx',
    'react-jsx',
    '--module',
    'nodenext',
    '--skipLibCheck',
    'false',
    'page.tsx',
  ]);
}, 300_000);
