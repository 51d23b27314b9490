import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runProcess } from '../process.js';

// The README's runnable TypeScript blocks, run as written in their own Node processes, against a local stand-in
// for Hugging Face and arXiv (redirect-fetch.mjs points the real hosts at it) and beside the files they read.
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = `${root}packages/core/test/fixtures/`;
const dir = fileURLToPath(new URL('./.run/', import.meta.url));
const day = readFileSync(`${fixtures}hf-api/2026-08-21.json`, 'utf8');
const feed = readFileSync(`${fixtures}arxiv/api-new-2026_search-testing_start0_max10.xml`, 'utf8').replace(
  /<opensearch:totalResults>\d+</,
  '<opensearch:totalResults>10<',
);

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/query') res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(feed);
    else if (/^\/api\/papers\/[^/]+$/.test(path) && path !== '/api/papers/search') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(JSON.parse(day)[0].paper));
    } else if (path.startsWith('/api/') || path === '/papers.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(day);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The files the snippets read by name.
  copyFileSync(`${fixtures}hf-api/2026-08-21.json`, `${dir}daily_papers.json`);
  copyFileSync(`${fixtures}hf-api/2026-08-21.json`, `${dir}daily.json`);
  copyFileSync(`${fixtures}arxiv/api-new-2026_id-1707.08567.xml`, `${dir}arxiv.xml`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function typescriptBlocks(markdown: string): { code: string; line: number }[] {
  const found: { code: string; line: number }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```ts') continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
    found.push({ code: lines.slice(start, i + 1).join('\n'), line: start });
    i++;
  }
  return found;
}

function run(file: string) {
  return runProcess(process.execPath, ['--import', 'tsx', '--import', './redirect-fetch.mjs', file], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    env: { ...process.env, PAPERTREND_TEST_SERVER: base, NODE_OPTIONS: '' },
  });
}

const snippets = [
  ...typescriptBlocks(readFileSync(`${root}README.md`, 'utf8')).map((block) => ({ ...block, readme: 'README.md' })),
  // The package READMEs copy the repository README's sections; only core's own example is new.
  ...typescriptBlocks(readFileSync(`${root}packages/core/README.md`, 'utf8'))
    .slice(0, 1)
    .map((block) => ({ ...block, readme: 'packages/core/README.md' })),
  // Type declarations only, nothing to run.
].filter((block) => !block.code.startsWith('import type {}'));

it.each(snippets.map((snippet) => [`${snippet.readme}:${snippet.line}`, snippet] as const))(
  'runs %s as written',
  async (_name, snippet) => {
    const file = `.run/${snippet.readme.replace(/[/.]/g, '_')}_line${snippet.line}.ts`;
    // Files the snippets read are resolved against the working directory: run from .run/.
    writeFileSync(
      fileURLToPath(new URL(file, import.meta.url)),
      `process.chdir(${JSON.stringify(dir)});\n${snippet.code}\nexport {};\n`,
    );
    const result = await run(file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  },
  60_000,
);
