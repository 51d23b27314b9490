import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../../test/process.js';
import { main } from '../src/cli/main.js';
import { EXIT } from '../src/cli/options.js';
import { fixture as readFixture } from './helpers.js';

const fixturePath = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readStdin: () => stdin,
    columns: 120,
  });
  return { code, out, err };
}

describe('papertrend CLI', () => {
  it('prints a readable table of a parsed file', async () => {
    const { code, out, err } = await run(['parse', fixturePath('hf-api/2026-08-21.json')]);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe('');
    expect(out).toMatch(/17 of 17 papers/);
    expect(out).toMatch(
      /^1 +EnvHarness: Awakening Static Worlds for Agent Learning +2026-08-20 +163 +Chengsong Huang \+16$/m,
    );
    expect(out).toMatch(
      /https:\/\/huggingface\.co\/papers\/2608\.19880 {2}https:\/\/github\.com\/google-research\/envharness/,
    );
  });

  it('prints the Listing as JSON with --json, from stdin too', async () => {
    const { code, out } = await run(['parse', '-', '--json', '--limit', '2'], '[]');
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out)).toMatchObject({ papers: [], issues: [], format: 'hf-api' });
    const snapshot = await run(['snapshot', 'trending', '--json', '--limit', '2']);
    expect(JSON.parse(snapshot.out).papers).toHaveLength(2);
  });

  it('reports entry issues on stderr and fails under --strict', async () => {
    const input = JSON.stringify([{ paper: { id: '1', title: 'x', authors: [] } }, 'junk']);
    const lenient = await run(['parse', '-'], input);
    expect(lenient.code).toBe(EXIT.ok);
    expect(lenient.err).toMatch(/1 issue\(s\): 1 entry left out.*\n {2}error at \$\[1\]/);
    const strict = await run(['parse', '-', '--strict'], input);
    expect(strict.code).toBe(EXIT.badInput);
    expect(strict.err).toMatch(/1 problem\(s\) in hf-api input/);
  });

  it('prints help for each command, and for all', async () => {
    for (const command of ['trending', 'daily', 'search', 'paper', 'arxiv', 'parse', 'snapshot']) {
      const help = await run([command, '--help']);
      expect(help.code, command).toBe(EXIT.ok);
      expect(help.out, command).toMatch(new RegExp(`^Usage: papertrend ${command}`));
    }
    expect((await run(['--help'])).out).toMatch(/-v, --version/);
  });

  it('distinguishes bad input from usage errors, without stack traces', async () => {
    const bad = await run(['parse', fixturePath('malformed/2025-01-10.wrapper-with-python-repr-strings.json')]);
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toMatch(/^papertrend: Not a paper listing: a JSON object with keys \{status, date, count, data\}/);
    expect(bad.err).not.toMatch(/\n\s+at /);
    expect((await run(['parse'])).code).toBe(EXIT.usage);
    expect((await run(['parse', '/nonexistent/file.json'])).err).toMatch(/cannot read .*ENOENT/);
    expect((await run(['frobnicate'])).code).toBe(EXIT.usage);
    expect((await run(['snapshot', '--limit', 'x'])).code).toBe(EXIT.usage);
    expect((await run(['--bogus'])).code).toBe(EXIT.usage);
  });

  it('works as the built bin with real exit codes', () => {
    // The command as package.json declares it (bin/papertrend.js, which loads the built CLI).
    const bin = fileURLToPath(new URL('../bin/papertrend.js', import.meta.url));
    expect(existsSync(new URL('../dist/cli.js', import.meta.url)), 'build the package first (pnpm build)').toBe(true);
    const ok = spawnSync(process.execPath, [bin, 'snapshot'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Hugging Face Daily Papers, 2026-08-21/);
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
    );
    const bad = spawnSync(process.execPath, [bin, 'parse', '-'], {
      input: '<html><title>Oops</title></html>',
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/an HTML page \("Oops"\)/);
  });
});

describe('papertrend CLI over the network', () => {
  let server: import('node:http').Server;
  let base = '';
  let requests = 0;
  const day = readFixture('hf-api/2026-08-21.json');
  beforeAll(async () => {
    const { createServer } = await import('node:http');
    server = createServer((req, res) => {
      requests++;
      if (req.url?.startsWith('/api/daily_papers?date=2001')) res.writeHead(503).end('down');
      else if (req.url?.startsWith('/api/daily_papers')) res.writeHead(200).end(day);
      else if (req.url?.startsWith('/api/query'))
        res.writeHead(200).end(readFixture('arxiv/api-new-2026_id-1707.08567.xml'));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  // Asynchronous on purpose: a synchronous spawn would block this process, and with it the server.
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const run = await runProcess(process.execPath, [bin, ...args], {
      env: { ...process.env, PAPERTREND_HF_URL: base, PAPERTREND_ARXIV_URL: base, ...env },
    });
    return { status: run.code, stdout: run.stdout, stderr: run.stderr };
  };

  it('prints trending papers as a table or JSON, and searches arXiv', async () => {
    const table = await cli(['trending', '--limit', '3']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^Trending on Hugging Face\n3 of 17 papers/);
    expect(table.stderr).toBe('');
    const asJson = JSON.parse((await cli(['trending', '--json'])).stdout);
    expect(asJson.papers).toHaveLength(17);
    expect((await cli(['arxiv', 'all:information'])).stdout).toMatch(/Proceedings of Workshop AEW10/);
  });

  it('fails a network error in one line with exit code 3, or falls back to the snapshot with --fallback, saying so', async () => {
    const down = await cli(['daily', '--date', '2001-01-01'], { PAPERTREND_HF_URL: 'http://127.0.0.1:9' });
    expect(down.status).toBe(3);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(
      /^papertrend: \[GET\] "http:\/\/127\.0\.0\.1:9\/api\/daily_papers\?date=2001-01-01": network error/,
    );
    const fallback = await cli(['trending', '--fallback', '--json'], { PAPERTREND_HF_URL: 'http://127.0.0.1:9' });
    expect(fallback.status).toBe(0);
    expect(JSON.parse(fallback.stdout).meta.fallback).toBe('snapshot');
    // A build log shows that old data was published, even when stdout is the JSON.
    expect(fallback.stderr).toMatch(
      /^papertrend: serving the bundled snapshot \(Hugging Face Daily Papers of 2026-08-21, most upvoted first\), not today's papers \(Hugging Face could not be reached: .*network error/,
    );
    // With a live server, --fallback changes nothing and says nothing.
    const live = await cli(['trending', '--fallback', '--limit', '1']);
    expect(live.stderr).toBe('');
  });

  it('--offline never touches the network, and says on stderr that it served the snapshot', async () => {
    const before = requests;
    const offline = await cli(['trending', '--offline', '--json']);
    expect(offline.status).toBe(0);
    expect(requests).toBe(before);
    expect(JSON.parse(offline.stdout).papers).toHaveLength(17);
    expect(offline.stderr).toMatch(/serving the bundled snapshot .*\(--offline\)/);
    const table = await cli(['daily', '--offline', '--date', '2026-08-21', '--limit', '1']);
    expect(table.stdout).toMatch(
      /^Hugging Face Daily Papers of 2026-08-21 \(the bundled snapshot, not today's papers\)\n/,
    );
    // Trending falls back to that day most upvoted first, and says so rather than calling it trending.
    const trending = await cli(['trending', '--offline', '--limit', '1']);
    expect(trending.stdout).toMatch(
      /^Hugging Face Daily Papers of 2026-08-21, most upvoted first \(the bundled snapshot, not today's papers\)\n/,
    );
    expect(trending.stderr).toMatch(
      /\(Hugging Face Daily Papers of 2026-08-21, most upvoted first\), not today's papers \(--offline\)/,
    );
  });

  it('refuses dates that do not exist, days the snapshot does not hold, and --offline where nothing is offline', async () => {
    for (const date of ['yesterday', '2026-02-30', '2026-8-1', '2026-08-21T00:00:00Z']) {
      const result = await cli(['daily', '--date', date]);
      expect(result.status, date).toBe(2);
      expect(result.stderr).toMatch(/--date takes a day that exists, as YYYY-MM-DD/);
    }
    const otherDay = await cli(['daily', '--offline', '--date', '2026-01-01']);
    expect(otherDay.status).toBe(2);
    expect(otherDay.stderr).toMatch(/holds 2026-08-21 only, not 2026-01-01/);
    expect((await cli(['search', 'x', '--offline'])).status).toBe(2);
    expect((await cli(['trending', '--offline', '--fallback'])).status).toBe(2);
  });

  it('searches a local listing file with --file', async () => {
    const result = await cli([
      'search',
      'envharnes agent',
      '--file',
      fixturePath('hf-api/2026-08-21.json'),
      '--limit',
      '2',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/2 of 2 papers[\s\S]*1 +EnvHarness/);
  });
});
