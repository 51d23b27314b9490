/**
 * The Nuxt example, generated statically (`nuxt generate`), served on 127.0.0.1 and driven in Debian's chromium:
 * the papers are in the HTML for readers without JavaScript; Vue hydrates around them and the embed's
 * plugin makes them searchable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { snapshotPapers } from '@papertrend/core/snapshot';
import { describe, expect, it } from 'vitest';
import { siteInChromium } from '../../test/browser.js';
import { expectReadableWithoutJavaScript, expectUpgradedAndSearchable } from '../../test/prerendered.js';

const dist = new URL('./.output/public/', import.meta.url).pathname;
if (!existsSync(`${dist}index.html`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-nuxt-site build\``);
}
const site = siteInChromium(dist);
// Built offline, trending is the bundled day most upvoted first.
const firstFive = snapshotPapers.slice(0, 5).map((paper) => paper.title);

describe('nuxt-site: a prerendered <trending-papers> in a Vue page', () => {
  it('is finished HTML: the element, its shadow root and its papers, written once (not again in the payload)', () => {
    const html = readFileSync(`${dist}index.html`, 'utf8');
    expect(html).toMatch(/<trending-papers limit="5" heading-level="2"><template shadowrootmode="open">/);
    expect(html.match(/shadowrootmode/g)).toHaveLength(1);
    expect(readFileSync(`${dist}_payload.json`, 'utf8')).not.toContain('trending-papers');
  });

  it('shows readers without JavaScript the styled papers, and nothing that needs a script', async () => {
    // Nuxt's own module scripts are refused, as JavaScript is off: nothing else may go wrong.
    await expectReadableWithoutJavaScript(site, '/', firstFive, 'nuxt-site-no-js', (problem) =>
      /^request failed: \S+\/_nuxt\/\S+\.js csp$/.test(problem),
    );
  });

  it('becomes searchable when the script runs, the same papers first, axe clean and silent', async () => {
    await expectUpgradedAndSearchable(site, '/', firstFive, snapshotPapers[7]?.title ?? '', 'nuxt-site');
  });
});
