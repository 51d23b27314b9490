import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('./index.mjs', import.meta.url));
// Port 9 on loopback refuses connections: the script must fall back to the bundled snapshot.
const offline = { ...process.env, PAPERTREND_HF_URL: 'http://127.0.0.1:9' };
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: offline });

it('falls back to the bundled snapshot when Hugging Face is unreachable', () => {
  const result = run();
  expect(result.status).toBe(0);
  expect(result.stderr).toMatch(
    /^offline, using the bundled snapshot: \[GET\] "http:\/\/127\.0\.0\.1:9\/api\/daily_papers\?limit=50&sort=trending": network error/,
  );
  expect(result.stdout).toMatch(/^17 papers \(hf-api\), 0 issues\. Top 5:\n- EnvHarness: Awakening Static Worlds/);
});

it('parses a file in any known format, searches it, and reports bad input in one line', () => {
  const text = fileURLToPath(
    new URL('../../packages/core/test/fixtures/hf-page-text/daily-2024-08-01.txt', import.meta.url),
  );
  expect(run(text).stdout).toMatch(/^13 papers \(hf-page-text\).*\n- The Llama 3 Herd of Models ▲94/);
  expect(run(text, '--search', 'gemma moderaton').stdout).toMatch(
    /Top \d:\n- ShieldGemma: Generative AI Content Moderation/,
  );
  const bad = run(fileURLToPath(new URL('./package.json', import.meta.url)));
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/^Not a paper listing: a JSON object with keys \{name, private, type/);
});
