// @vitest-environment node
/**
 * `Paper` from `@papertrend/react/server`: fetched while rendering on the server (React 19's streaming
 * renderer runs async components as an RSC host does), against stand-ins for Hugging Face and arXiv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@papertrend/core';
import { renderToReadableStream } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../core/test/http-server.js';
import { Paper as ServerPaper } from '../src/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../../core/test/fixtures', path));
  const hfPaper = JSON.parse(fixture('hf-api/2026-08-21.json').toString())[0].paper;
  server.handlers.set('/api/papers/1707.08567', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...hfPaper, id: '1707.08567' }));
  });
  server.handlers.set('/api/query', (req, res) => {
    const wanted = new URL(req.url ?? '', 'http://x').searchParams.get('id_list');
    const file = wanted === '1707.08567' ? 'api-new-2026_id-1707.08567.xml' : 'api-new-2026_empty_id-0000.0000.xml';
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture(`arxiv/${file}`));
  });
});

const client = () =>
  createClient({
    baseUrls: { huggingface: server.base, arxiv: server.base },
    retry: { limit: 0 },
    politeness: { arxiv: 0 },
    cache: false,
    onWarning: false,
  });
const ARXIV_TITLE = 'Proceedings of Workshop AEW10: Concepts in Information Theory and Communications';

async function renderOnServer(element: React.ReactElement): Promise<string> {
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  return new Response(stream).text();
}

describe('Paper from @papertrend/react/server', () => {
  it('fetches on the server and sends the card: arXiv title, Hugging Face upvotes, no skeleton left', async () => {
    const html = await renderOnServer(
      <ServerPaper id="https://arxiv.org/abs/1707.08567v1" fetchOptions={{ client: client() }} />,
    );
    expect(html).toContain(ARXIV_TITLE);
    expect(html).toContain('pt-embedded');
    expect(html).toMatch(/class="pt-votes"/);
    expect(html).not.toContain('pt-skeleton');
    // Both services were asked, on the server.
    expect(server.log.map((entry) => entry.path).sort()).toEqual(['/api/papers/1707.08567', '/api/query']);
  });

  it('renders the not-found card for a paper neither knows, linking to arXiv; other failures throw', async () => {
    const html = await renderOnServer(<ServerPaper id="2101.00001" fetchOptions={{ client: client() }} />);
    expect(html).toContain('This paper could not be found.');
    expect(html).toContain('href="https://arxiv.org/abs/2101.00001"');
    const down = createClient({
      baseUrls: { huggingface: 'http://127.0.0.1:9', arxiv: 'http://127.0.0.1:9' },
      retry: { limit: 0 },
      cache: false,
    });
    const errors: unknown[] = [];
    const stream = await renderToReadableStream(<ServerPaper id="1707.08567" fetchOptions={{ client: down }} />, {
      onError: (error) => {
        errors.push(error);
      },
    });
    await stream.allReady;
    expect(String(errors[0])).toMatch(/network error/);
  });
});
