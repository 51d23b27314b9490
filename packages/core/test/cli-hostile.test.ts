import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../../test/process.js';
import { fixture } from './helpers.js';

// The real CLI (the build `pnpm test` makes first) in child processes, fed what a hostile file, a hostile
// server's data or an unlucky shell gives it (issue "Survive a hostile world", items 13–14).
const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'papertrend-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

async function cli(
  args: string[],
  options: { stdin?: number | 'ignore'; env?: Record<string, string> } = {},
): Promise<Run> {
  const run = await runProcess(process.execPath, [cliPath, ...args], {
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
    killAfter: 20_000,
  });
  return { status: run.code, stdout: run.stdout, stderr: run.stderr, ms: run.ms };
}

const hostileTitle = 'Evil </script><script>window.pwned=1</script> & <b>bold</b>\u2028next';
const terminalTitle =
  'Clear \u001b[2J\u001b]0;pwned title\u0007 link \u001b]8;;https://evil.example\u001b\\here\u001b]8;;\u001b\\ \u202Eesrever';
function listingFile(name: string, titles: string[]): string {
  const papers = titles.map((title, index) => ({
    id: `2106.0968${index}`,
    title,
    links: {},
    metrics: {},
    source: 'hf-api',
  }));
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ format: 'hf-api', papers, issues: [], meta: {} }));
  return path;
}

describe('CLI output that a page or a terminal receives', () => {
  it('--json is safe to inline in <script type="application/json"> and still the same JSON', async () => {
    const run = await cli(['parse', listingFile('hostile.json', [hostileTitle]), '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[<>&\u2028\u2029]/);
    expect(run.stdout).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(run.stdout).papers[0].title).toBe(hostileTitle);
  });

  it('the table shows no terminal escapes or bidi overrides from titles', async () => {
    const run = await cli(['parse', listingFile('terminal.json', [terminalTitle])]);
    expect(run.status, run.stderr).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence is the point
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(run.stdout).toMatch(/Clear \[2J\]0;pwned title link/);
  });

  it('a short title, printed whole, carries no terminal escapes either', async () => {
    const short = 'A\u001b[2J\u001b]0;x\u0007B';
    const run = await cli(['parse', listingFile('short.json', [short])]);
    expect(run.status, run.stderr).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence is the point
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('A[2J]0;xB');
  });

  it('a reader that closes the pipe early (| head) ends the command quietly', async () => {
    const path = listingFile(
      'many.json',
      Array.from({ length: 20_000 }, (_, index) => `Paper number ${index}`),
    );
    const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cliPath, 'parse', path], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (status) => resolve({ status, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('CLI input that is not a listing file', () => {
  it('a FIFO, a device and a directory are refused at once, with what to do instead', async () => {
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const [path, what] of [
      [fifo, /not a regular file .*pipe it in: papertrend parse - </],
      ['/dev/zero', /not a regular file/],
      [dir, /is a directory/],
    ] as const) {
      const run = await cli(['parse', path]);
      expect(run.status, path).toBe(2);
      expect(run.stderr).toMatch(what);
      expect(run.ms).toBeLessThan(10_000);
    }
  });

  it('standard input that never ends stops at the size limit; one that is a directory is a usage error', async () => {
    const zero = openSync('/dev/zero', 'r');
    const endless = await cli(['parse', '-'], { stdin: zero });
    closeSync(zero);
    expect(endless.status).toBe(1);
    expect(endless.stderr).toMatch(
      /^papertrend: standard input is over 64 MiB; papertrend reads listings up to 64 MiB/,
    );
    const directory = openSync(dir, 'r');
    const fromDirectory = await cli(['parse', '-'], { stdin: directory });
    closeSync(directory);
    expect(fromDirectory.status).toBe(2);
    expect(fromDirectory.stderr).toMatch(/standard input is a directory/);
  });

  it('a 1 GB file is bad input with its size, not a usage error', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 1024 ** 3);
    const run = await cli(['parse', huge]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is over 64 MiB/);
  });

  it('a byte-order mark or UTF-16 file parses', async () => {
    const day = fixture('hf-api/2026-08-21.json');
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${day}`);
    expect((await cli(['parse', bom])).stdout).toMatch(/17 of 17 papers/);
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.from(`\uFEFF${day}`, 'utf16le'));
    expect((await cli(['parse', utf16])).stdout).toMatch(/17 of 17 papers/);
  });

  it('a garbage service URL and an unknown format are usage errors, without stack traces', async () => {
    const garbage = await cli(['trending'], { env: { PAPERTREND_HF_URL: 'not a url' } });
    expect(garbage.status).toBe(2);
    expect(garbage.stderr).toMatch(/^papertrend: PAPERTREND_HF_URL must be an http\(s\) URL, not "not a url"/);
    expect(garbage.stderr).not.toMatch(/\n\s+at /);
    const format = await cli(['parse', '-', '--format', 'nope']);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(
      /--format takes one of papertrend-json, papertrend-feed, hf-api, hf-html, arxiv-atom, hf-page-text/,
    );
  });
});
