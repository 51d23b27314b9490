/**
 * One paper in the browser: `Paper` and `usePaper`, and `EmbeddedPaper` with data given (the server entry is
 * tested in one-paper-server.test.tsx). Papers come from stand-ins for Hugging Face and arXiv on 127.0.0.1,
 * through core's real client.
 */

import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createClient, type Paper as PaperData } from '@papertrend/core';
import { snapshot } from '@papertrend/core/snapshot';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { takeConsoleCalls, waitForConsoleCalls } from '../../../test/no-console.js';
import { startServer, type TestServer } from '../../core/test/http-server.js';
import { EmbeddedPaper, Paper, type PaperCardProps } from '../src/index.js';

afterEach(cleanup);
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  // Requests of unmounted cards may still be on their way: let happy-dom finish them before the server goes.
  await (window as unknown as { happyDOM: { waitUntilComplete(): Promise<void> } }).happyDOM.waitUntilComplete();
  await server.close();
});
beforeEach(() => {
  server.reset();
  // A paper both services know, as the real services answer for it.
  const hfPaper = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../core/test/fixtures/hf-api/2026-08-21.json'), 'utf8'),
  )[0].paper;
  server.handlers.set('/api/papers/1707.08567', (_req, res) =>
    json(res, JSON.stringify({ ...hfPaper, id: '1707.08567' })),
  );
  // happy-dom's fetch keeps the same-origin policy, as browsers do: every answer carries a CORS header.
  server.handlers.set('/api/papers/2101.00001', (_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end('{"error":"Not Found"}');
  });
  server.handlers.set('/api/query', (req, res) => {
    const wanted = new URL(req.url ?? '', 'http://x').searchParams.get('id_list');
    const file = wanted === '1707.08567' ? 'api-new-2026_id-1707.08567.xml' : 'api-new-2026_empty_id-0000.0000.xml';
    res.writeHead(200, { 'content-type': 'application/atom+xml', 'access-control-allow-origin': '*' });
    res.end(readFileSync(join(import.meta.dirname, `../../core/test/fixtures/arxiv/${file}`)));
  });
  // happy-dom asks before cross-origin GETs (a preflight a browser would skip): every path answers it.
  for (const [path, handler] of server.handlers) {
    server.handlers.set(path, (req, res, attempt) => {
      if (req.method !== 'OPTIONS') return handler(req, res, attempt);
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' }).end();
    });
  }
});

const json = (res: ServerResponse, body: string): void => {
  res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(body);
};
const client = () =>
  createClient({
    baseUrls: { huggingface: server.base, arxiv: server.base },
    retry: { limit: 0 },
    politeness: { arxiv: 0 },
    cache: false,
    onWarning: false,
  });
const ARXIV_TITLE = 'Proceedings of Workshop AEW10: Concepts in Information Theory and Communications';

describe('Paper and usePaper in the browser', () => {
  it('shows a skeleton announced as loading, then the card', async () => {
    render(<Paper id="1707.08567" client={client()} services={['huggingface', 'arxiv']} />);
    expect(screen.getByRole('status').textContent).toBe('Loading papers…');
    await waitFor(() => expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(ARXIV_TITLE));
  });

  it('reads a saved paper from src, as getPaper returned it', async () => {
    const saved = await client().getPaper('1707.08567');
    server.handlers.set('/saved/1707.08567.json', (_req, res) => json(res, JSON.stringify(saved)));
    render(<Paper id="1707.08567" src={`${server.base}/saved/1707.08567.json`} />);
    await waitFor(() => expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(ARXIV_TITLE));
  });

  it('says "not found" without a retry for an unknown paper', async () => {
    render(<Paper id="2101.00001" client={client()} services={['arxiv']} />);
    await waitFor(() => expect(screen.getByText('This paper could not be found.')).toBeTruthy());
    expect(screen.queryByRole('button')).toBeNull();
    // The site owner is told, once, which id failed.
    expect(await waitForConsoleCalls(1)).toEqual([
      'console.warn: papertrend: could not load paper 2101.00001: No paper 2101.00001: neither Hugging Face nor arXiv knows it',
    ]);
  });

  it('offers a retry when the service cannot be reached, and recovers', async () => {
    let up = false;
    server.handlers.set('/api/papers/1707.08567', (req, res) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
      if (req.method === 'OPTIONS') res.writeHead(204, cors).end();
      else if (!up) res.writeHead(503, cors).end('down');
      else json(res, JSON.stringify({ ...JSON.parse(JSON.stringify(snapshot.daily.papers[0])), id: '1707.08567' }));
    });
    const hf = createClient({
      baseUrls: { huggingface: server.base },
      retry: { limit: 0 },
      cache: false,
      onWarning: false,
    });
    render(<Paper id="1707.08567" client={hf} />);
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not load this paper.The paper service is not answering right now. Try again in a moment.Try again',
    );
    expect(await waitForConsoleCalls(1)).toEqual([
      expect.stringMatching(/^console\.warn: papertrend: could not load paper 1707\.08567: .*503 Service Unavailable/),
    ]);
    up = true;
    await act(async () => retry.click());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

function Plain({ paper: shown }: PaperCardProps) {
  return <p className="mine">{shown.title}</p>;
}

describe('EmbeddedPaper', () => {
  const paper = snapshot.daily.papers[0] as PaperData;

  it('hydrates the server HTML without a warning', async () => {
    const element = <EmbeddedPaper paper={paper} now={Date.parse('2026-08-24T00:00:00Z')} locale="en" />;
    const container = document.createElement('div');
    container.innerHTML = renderToString(element);
    document.body.append(container);
    await act(async () => {
      hydrateRoot(container, element);
    });
    expect(takeConsoleCalls()).toEqual([]);
    expect(container.querySelector('.pt-root.pt-embedded .pt-card')).not.toBeNull();
    container.remove();
  });

  it('with expandable={false} shows its first text whole and no button (for cards with no JavaScript)', () => {
    const html = renderToString(<EmbeddedPaper paper={paper} expandable={false} />);
    expect(html).not.toContain('<button');
    expect(html).toContain('data-expanded="true"');
  });

  it('lets a site replace the card through components', () => {
    render(<EmbeddedPaper paper={paper} components={{ PaperCard: Plain }} />);
    expect(document.querySelector('.pt-embedded .mine')?.textContent).toBe(paper.title);
    // Replaced, not added to: the default card is not drawn.
    expect(document.querySelector('.pt-embedded .pt-card')).toBeNull();
  });

  it('keeps hostile papers inert: markup as text, no javascript: link', () => {
    const hostile = JSON.parse(
      readFileSync(join(import.meta.dirname, 'fixtures/hostile-papers.json'), 'utf8'),
    ) as PaperData[];
    for (const item of hostile) {
      const { container } = render(<EmbeddedPaper paper={item} />);
      expect(container.querySelector('script, img[onerror], [onerror]')).toBeNull();
      for (const link of container.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
      cleanup();
    }
  });
});
