/**
 * Runs one client call in its own process, for the tests whose failure mode is a dead process (a fatal
 * out-of-memory, an unhandled rejection): a regression then fails the test instead of killing the runner.
 * argv[2] is a JSON scenario; the outcome is printed as one JSON line, then the process lingers a moment so
 * that a late unhandled rejection still kills it (exit code ≠ 0) and is seen by the test.
 */
import { type ClientOptions, createClient, isPapertrendError } from '../../src/entries/index.js';

interface Scenario {
  client: ClientOptions;
  call: 'daily' | 'arxivSearch';
  /** Abort the call after this many ms. */
  abortAfter?: number;
  /** Run `gc()` this often (needs --expose-gc): the undici body-abort bug shows after a collection. */
  gcEvery?: number;
  /** How long to stay alive after the call settled. */
  linger?: number;
}

const scenario = JSON.parse(process.argv[2] ?? '{}') as Scenario;
const gc = (globalThis as { gc?: () => void }).gc;
const gcTimer = scenario.gcEvery && gc ? setInterval(gc, scenario.gcEvery) : undefined;
const client = createClient(scenario.client);
const controller = new AbortController();
if (scenario.abortAfter !== undefined)
  setTimeout(() => controller.abort(new Error('caller left')), scenario.abortAfter);

const started = performance.now();
const call =
  scenario.call === 'arxivSearch'
    ? client.arxiv.search({ query: 'all:x', signal: controller.signal })
    : client.daily({ signal: controller.signal });
call.then(
  (listing) => report({ outcome: 'resolved', papers: listing.papers.length }),
  (error: unknown) =>
    report({
      outcome: 'rejected',
      name: (error as Error)?.name,
      message: (error as Error)?.message,
      papertrend: isPapertrendError(error),
    }),
);

function report(result: Record<string, unknown>): void {
  const elapsed = Math.round(performance.now() - started);
  const heapMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  process.stdout.write(`${JSON.stringify({ ...result, elapsed, rssMb: heapMb })}\n`);
  setTimeout(() => {
    if (gcTimer) clearInterval(gcTimer);
    process.exit(0);
  }, scenario.linger ?? 1_000);
}
