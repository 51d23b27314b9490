import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { pack } from '../../../test/pack.js';

const dist = new URL('../dist/', import.meta.url);

it('imports on a server (SSR, Astro, Next) without touching DOM globals', async () => {
  expect(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement).toBe('undefined');
  const embed = await import(new URL('index.js', dist).href);
  expect(typeof embed.mount).toBe('function');
  expect(typeof embed.defineTrendingPapersElement).toBe('function');
  // Defining is a no-op without customElements, rather than a crash.
  expect(() => embed.defineTrendingPapersElement()).not.toThrow();
});

it('is ESM only, and a CommonJS project on Node >= 20.19 can still require() it', () => {
  const run = spawnSync(
    process.execPath,
    ['-e', "const e = require('@papertrend/embed'); process.stdout.write(typeof e.mount + ' ' + typeof e.pageTheme)"],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('function function');
  expect(existsSync(new URL('index.cjs', dist))).toBe(false);
});

it('bundles preact in place of React, and the lite parser in place of the full one', () => {
  const script = readFileSync(new URL('papertrend.global.js', dist), 'utf8');
  expect(script).not.toMatch(/react\.production|__SECRET_INTERNALS|react-dom/);
  expect(script).not.toMatch(/htmlparser2|onopentag|xmlMode/);
  // The widget's stylesheet travels inside the script, for the shadow root.
  expect(script).toContain('--pt-card-bg');
});

// 600 kB until the card showed TeX and icons (the unminified ESM and CJS builds carry the command tables twice);
// 700 kB until `<paper-card>` and the README's "Embed one paper" section; 750 kB until the CJS copy was dropped; 460 kB until `/server` (prerendered elements);
// 480 kB until the search read a slip in the word being typed (492.6 kB then: the search is in the ESM build and the script both).
it('installs nothing else: no runtime dependencies, no source maps, under 500 kB unpacked', () => {
  const { files, unpacked, manifest } = pack(new URL('..', import.meta.url));
  expect(manifest.dependencies).toBeUndefined();
  // Types name core's Paper: TypeScript users who want them install @papertrend/core (an optional peer).
  expect(Object.values(manifest.peerDependenciesMeta as object)).toEqual([
    { optional: true },
    { optional: true },
    { optional: true },
  ]);
  expect(files.filter((file) => file.name.endsWith('.map'))).toEqual([]);
  expect(files.map((file) => file.name)).toContain('package/LICENSE');
  expect(unpacked).toBeLessThan(500 * 1024);
});
