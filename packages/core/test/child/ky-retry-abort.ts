/**
 * ky's own retry loop, aborted while it waits to retry a 503 with an `afterResponse` hook installed: the
 * process prints `settled` with how the call ended, then lingers so that a late unhandled rejection kills it
 * (exit code ≠ 0), as it would kill a user's server.
 */
import { createServer } from 'node:http';
import ky from 'ky';

const server = createServer((_request, response) => {
  response.writeHead(503, { 'retry-after': '1' });
  response.end('busy');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const controller = new AbortController();
setTimeout(() => controller.abort(new Error('caller left')), 200);
let outcome = 'resolved';
try {
  await ky.get(url, { signal: controller.signal, retry: { limit: 3 }, hooks: { afterResponse: [() => {}] } });
} catch (error) {
  outcome = `rejected: ${(error as Error).message}`;
}
console.log(JSON.stringify({ outcome }));
await new Promise((resolve) => setTimeout(resolve, 1_500));
server.close();
