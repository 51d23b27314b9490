/**
 * The SvelteKit example, prerendered by adapter-static, served on 127.0.0.1 and driven in Debian's chromium:
 * the papers are in the HTML for readers without JavaScript, and the embed's script makes them searchable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { snapshotPapers } from '@papertrend/core/snapshot';
import { describe, expect, it } from 'vitest';
import { siteInChromium } from '../../test/browser.js';
import { expectReadableWithoutJavaScript, expectUpgradedAndSearchable } from '../../test/prerendered.js';

const dist = new URL('./build/', import.meta.url).pathname;
if (!existsSync(`${dist}index.html`)) {
  throw new Error(`${dist} is not built: run \`pnpm --filter @papertrend/example-sveltekit-blog build\``);
}
const site = siteInChromium(dist);
// Built offline, trending is the bundled day most upvoted first.
const firstFive = snapshotPapers.slice(0, 5).map((paper) => paper.title);

describe('sveltekit-blog: a prerendered <trending-papers>', () => {
  it('is finished HTML: the element, its shadow root and its papers, one script, and the snapshot said', () => {
    const html = readFileSync(`${dist}index.html`, 'utf8');
    expect(html).toMatch(/<trending-papers limit="5" heading-level="2"><template shadowrootmode="open">/);
    expect(html.match(/<script\b/g)).toHaveLength(2); // the embed's file, and the element's inline papers
    expect(html).toContain('Built offline: these are the saved papers of 2026-08-21.');
  });

  it('shows readers without JavaScript the styled papers, and nothing that needs a script', async () => {
    await expectReadableWithoutJavaScript(site, '/', firstFive, 'sveltekit-blog-no-js');
  });

  it('becomes searchable when the script runs, the same papers first, axe clean and silent', async () => {
    await expectUpgradedAndSearchable(site, '/', firstFive, snapshotPapers[7]?.title ?? '', 'sveltekit-blog');
  });
});
