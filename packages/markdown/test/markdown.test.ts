/**
 * Bare paper links become static cards: through a real unified pipeline (remark-parse, remark-gfm,
 * remark-rehype, rehype-stringify) and a real markdown-it, against stand-ins for Hugging Face and arXiv on
 * 127.0.0.1 and a disk cache in a temporary folder.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClientOptions, createClient } from '@papertrend/core';
import { createFileCache } from '@papertrend/core/node';
import MarkdownIt from 'markdown-it';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { takeConsoleCalls } from '../../../test/no-console.js';
import { startServer, type TestServer } from '../../core/test/http-server.js';
import { markdownItPaperCards, preparePaperCards, rehypePaperCards, standalonePaperLinks } from '../src/index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../../core/test/fixtures', path));
let hfTitle = '';
beforeEach(() => {
  server.reset();
  const hfPaper = JSON.parse(fixture('hf-api/2026-08-21.json').toString())[0].paper;
  hfTitle = hfPaper.title;
  server.handlers.set('/api/papers/1707.08567', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...hfPaper, id: '1707.08567' }));
  });
  server.handlers.set('/api/query', (req, res) => {
    const wanted = new URL(req.url ?? '', 'http://x').searchParams.get('id_list') ?? '';
    const file = wanted.includes('1707.08567')
      ? 'api-new-2026_id-1707.08567.xml'
      : 'api-new-2026_empty_id-0000.0000.xml';
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture(`arxiv/${file}`));
  });
});

const ARXIV_TITLE = 'Proceedings of Workshop AEW10: Concepts in Information Theory and Communications';
const POST = `# A post about one paper

https://arxiv.org/abs/1707.08567

See https://arxiv.org/abs/1707.08567 in a sentence, and [the workshop paper](https://arxiv.org/abs/1707.08567).

<https://huggingface.co/papers/1707.08567v1>

https://arxiv.org/abs/2101.00001

https://example.com/abs/1707.08567
`;

function client(options: ClientOptions = {}) {
  return createClient({
    baseUrls: { huggingface: server.base, arxiv: server.base },
    retry: { limit: 0 },
    politeness: { arxiv: 0 },
    onWarning: false,
    ...options,
  });
}

async function viaRehype(markdown: string, options: Parameters<typeof rehypePaperCards>[0]): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypePaperCards, options)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

async function viaMarkdownIt(markdown: string, options: { client: ReturnType<typeof client> }): Promise<string> {
  const papers = await preparePaperCards({ texts: [markdown] }, options);
  const md = new MarkdownIt({ linkify: true }).use(markdownItPaperCards, { papers });
  return md.render(markdown);
}

/** What every page of cards must hold, whichever plugin wrote it. */
function expectCards(html: string): void {
  // The two bare links are cards; the sentence's links and the unknown and foreign ones stay links.
  expect(html.match(/class="pt-root pt-embedded"/g)).toHaveLength(2);
  expect(html.split(ARXIV_TITLE).length - 1).toBe(2);
  expect(html).not.toContain(hfTitle);
  expect(html).toMatch(
    /See <a href="https:\/\/arxiv\.org\/abs\/1707\.08567">https:\/\/arxiv\.org\/abs\/1707\.08567<\/a> in a sentence/,
  );
  expect(html).toContain('<a href="https://arxiv.org/abs/1707.08567">the workshop paper</a>');
  expect(html).toContain('<a href="https://arxiv.org/abs/2101.00001">https://arxiv.org/abs/2101.00001</a>');
  expect(html).toContain('<a href="https://example.com/abs/1707.08567">');
  // No script and nothing that needs one: zero client JavaScript.
  expect(html).not.toMatch(/<script|<button|\son[a-z]+=/i);
  // Two cards of one paper on one page: every id is still unique, and every reference finds its id.
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
  expect(new Set(ids).size).toBe(ids.length);
  for (const [, ref] of html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) expect(ids).toContain(ref);
  // Each card's title is a heading one below its section's (the post's h1).
  expect(html.match(/<h(\d) class="pt-title"/g)).toEqual(['<h2 class="pt-title"', '<h2 class="pt-title"']);
  // A warning for the paper neither service knows.
  expect(takeConsoleCalls()).toEqual([
    'console.warn: [papertrend] no paper 2101.00001 on Hugging Face or arXiv: its link stays a link',
  ]);
}

describe('standalonePaperLinks', () => {
  it('finds the paper links alone on a line, in either spelling, and no others', () => {
    expect(standalonePaperLinks(POST)).toEqual(['1707.08567', '2101.00001']);
  });
});

describe('rehypePaperCards and markdownItPaperCards', () => {
  it('turn a bare paper link into a static card and leave every other link alone (rehype)', async () => {
    expectCards(await viaRehype(POST, { client: client({ cache: false }) }));
  });

  it('do the same in markdown-it, with the papers prepared first', async () => {
    expectCards(await viaMarkdownIt(POST, { client: client({ cache: false }) }));
  });

  it('build offline from a primed disk cache, to the same HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papertrend-md-'));
    const store = () => createFileCache({ dir, maxAge: Number.POSITIVE_INFINITY });
    const now = Date.parse('2026-12-01T00:00:00Z');
    const online = await viaRehype(POST, { client: client({ cache: { store: store() } }), card: { now } });
    takeConsoleCalls();
    const offline = await viaRehype(POST, {
      client: client({
        baseUrls: { huggingface: 'http://127.0.0.1:9', arxiv: 'http://127.0.0.1:9' },
        cache: { store: store() },
      }),
      card: { now },
    });
    expect(offline).toBe(online);
    // The unknown paper is remembered as unknown: the offline build says so as the first did.
    expect(takeConsoleCalls()).toHaveLength(1);
  });

  it('keep a hostile paper inert: markup as text, javascript: links dropped', async () => {
    const hfPaper = JSON.parse(fixture('hf-api/2026-08-21.json').toString())[0].paper;
    server.handlers.set('/api/papers/1707.08567', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ...hfPaper,
          id: '1707.08567',
          ai_summary:
            '<script>alert(1)</script> $\\href{javascript:alert(1)}{x}$ {{ constructor.constructor("alert(1)")() }}',
          githubRepo: 'javascript:alert(1)',
          projectPage: 'https://example.com/" onmouseover="alert(1)',
        }),
      );
    });
    const html = await viaRehype('https://arxiv.org/abs/1707.08567\n', { client: client({ cache: false }) });
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    // `javascript:` may be read as text (the TeX's fallback); it never becomes a link or a handler.
    expect(html).not.toMatch(/<script|href="javascript:|\son[a-z]+=/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
    // markdown-it's output is a Vue template in VitePress: no brace survives as a brace to start an expression.
    const papers = await preparePaperCards(
      { texts: ['https://arxiv.org/abs/1707.08567'] },
      { client: client({ cache: false }) },
    );
    const rendered = new MarkdownIt({ linkify: true })
      .use(markdownItPaperCards, { papers })
      .render('https://arxiv.org/abs/1707.08567\n');
    expect(rendered).toContain('&#123;&#123; constructor.constructor(');
    expect(rendered).not.toMatch(/[{}]/);
  });
});
