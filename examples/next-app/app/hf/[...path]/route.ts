/**
 * The CORS proxy the README tells browser users to build, as a Next route handler: `/hf/…` answers as
 * `https://huggingface.co/…` does, so `/hf` is a base URL like Hugging Face's own (`<paper-card api="/hf">`,
 * `createClient({ baseUrls: { huggingface: origin + '/hf' } })`), for the papers API paths the widget reads and
 * no others (an open proxy would serve anyone anything), with a shared cache so a busy page asks Hugging Face
 * once per five minutes, not once per reader.
 */
import type { NextRequest } from 'next/server';

// Daily Papers (any day, week, month or the trending sort), paper search, and one paper by arXiv id.
const ALLOWED = /^api\/(?:daily_papers|papers\/search|papers\/(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))$/;
// Same origin needs no CORS header; it is sent so other sites of yours may embed through this proxy too.
const CORS = { 'access-control-allow-origin': '*' };

export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const path = (await params).path.join('/');
  if (!ALLOWED.test(path)) return new Response('Not a Hugging Face papers API path', { status: 404, headers: CORS });
  const upstream = new URL(`/${path}`, process.env.PAPERTREND_HF_URL ?? 'https://huggingface.co');
  upstream.search = request.nextUrl.search;
  let answer: Response;
  try {
    answer = await fetch(upstream, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  } catch {
    // The widget reads a 502 as "the service is not answering" and offers a retry.
    return new Response('Hugging Face could not be reached', { status: 502, headers: CORS });
  }
  return new Response(answer.body, {
    status: answer.status,
    headers: {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
      'cache-control': answer.ok ? 'public, s-maxage=300, stale-while-revalidate=3600' : 'no-store',
      ...CORS,
    },
  });
}
