// @vitest-environment node
/**
 * The widget on other people's pages: real host stylesheets installed from npm (Bootstrap's reboot, Tailwind's
 * preflight, water.css, Docusaurus' Infima, the stock Vite React template) and a sheet of hostile element
 * rules are added to a built Storybook story, after the widget's own stylesheet (the order most sites load
 * them in). The card and compact layouts must stay what they are on a bare page: the same element boxes
 * (within a pixel) and the same computed styles. The page's font is pinned for the comparison, since taking
 * the host's font is intended; so is the column width, which the host's body margins would otherwise change.
 * Needs `pnpm build-storybook` first (the test command runs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, openWatchedPage, screenshotPath, siteInChromium } from '../../../test/browser.js';

const STORYBOOK_DIR = new URL('../storybook-static/', import.meta.url).pathname;
if (!existsSync(`${STORYBOOK_DIR}index.json`)) {
  throw new Error(`${STORYBOOK_DIR}index.json is missing: run \`pnpm build-storybook\` before the browser tests`);
}

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const site = siteInChromium(STORYBOOK_DIR);
const require = createRequire(import.meta.url);
const css = (specifier: string) => readFileSync(require.resolve(specifier), 'utf8');

/** What a blog theme written without the widget in mind does to every element it styles. */
const HOSTILE_ELEMENT_RULES = `
body { text-align: center; text-indent: 3em; text-transform: uppercase; letter-spacing: 3px; word-spacing: 1em;
  line-height: 3; white-space: pre; }
h2, h3, h4 { text-transform: uppercase; letter-spacing: .2em; margin: 2em 0; font-size: 2.5em; font-weight: 900;
  text-align: center; border-bottom: 3px double red; }
p { text-indent: 2em; margin: 2em 0; padding: 1em; line-height: 3; text-align: justify; }
a { color: red; text-decoration: underline wavy; border-bottom: 2px solid; padding: 4px; font-weight: bold; }
ul, ol { padding-left: 4em; margin: 2em; list-style: square; }
li { margin: 1em 0; padding: .5em; line-height: 2; }
li + li { margin-top: 2em; }
button { background: red; color: white; padding: 1em 2em; text-transform: uppercase; border-radius: 0;
  border: 3px solid black; font-size: 20px; width: 100%; }
input, select { width: 100%; padding: 1em; border: 4px solid; font-size: 24px; display: block; margin: 1em 0; }
label { display: block; font-weight: bold; margin-bottom: 1em; text-transform: uppercase; }
article { padding: 3em; margin: 2em; box-shadow: 0 0 0 10px red; }
section { padding: 3em; border: 5px solid; }
span, time { padding: 0 1em; font-style: italic; }
mark { background: black; color: black; }
img { display: none; }
*::before { content: "» "; }
`;

/** The host's own container: Vite's #root and Docusaurus' .markdown wrap the story's root here. */
const HOSTS: Record<string, { sheet: string; wrapperClass?: string }> = {
  'bootstrap-reboot': { sheet: css('bootstrap/dist/css/bootstrap-reboot.css') },
  'tailwind-preflight': { sheet: css('tailwindcss/preflight.css') },
  'water-css': { sheet: css('water.css/out/water.css') },
  'docusaurus-infima': { sheet: css('infima/dist/css/default/default.css'), wrapperClass: 'markdown' },
  'vite-react-template': {
    // The stock template's `#root` (which centres every line) is the story root here.
    sheet: (
      css('create-vite/template-react-ts/src/index.css') + css('create-vite/template-react-ts/src/App.css')
    ).replaceAll('#root', '#storybook-root'),
  },
  'hostile-element-rules': { sheet: HOSTILE_ELEMENT_RULES },
};

/** Pins what the widget is meant to take from the page (font, column width), after the host's rules. */
const PIN = `#storybook-root { font: 16px/1.5 "DejaVu Sans", sans-serif !important; width: 900px !important;
  min-height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  box-sizing: content-box !important; display: block !important; }`;

const MEASURED = [
  '.pt-root',
  '.pt-toolbar',
  '.pt-search-label',
  '.pt-search-input',
  '.pt-sort',
  '.pt-code-filter',
  '.pt-count',
  '.pt-item',
  '.pt-card',
  '.pt-row',
  '.pt-rank',
  '.pt-title',
  '.pt-title-link',
  '.pt-authors',
  '.pt-meta',
  '.pt-date',
  '.pt-upvotes',
  '.pt-summary',
  '.pt-abstract',
  '.pt-expand',
  '.pt-keywords',
  '.pt-keyword',
  '.pt-keyword + .pt-keyword',
  '.pt-thumb',
  '.pt-show-more',
];

const STYLES = [
  'display',
  'text-align',
  'text-indent',
  'text-transform',
  'letter-spacing',
  'word-spacing',
  'white-space',
  'line-height',
  'font-size',
  'font-weight',
  'font-style',
  'margin',
  'padding',
  'border-top',
  'border-bottom',
  'list-style-type',
  'text-decoration-line',
  'color',
  'background-color',
  'box-shadow',
  'width',
];

interface Layout {
  [selector: string]: { box: number[]; style: Record<string, string>; before: string } | null;
}

/** Boxes relative to the widget's root, rounded to whole pixels, and computed styles of the first match of each. */
async function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(
    ({ selectors, styles }) => {
      const root = document.querySelector('.pt-root') as HTMLElement;
      const origin = root.getBoundingClientRect();
      const layout: Layout = {};
      for (const selector of selectors) {
        const element = root.matches(selector) ? root : root.querySelector(selector);
        if (!element) {
          layout[selector] = null;
          continue;
        }
        const box = element.getBoundingClientRect();
        const computed = getComputedStyle(element);
        layout[selector] = {
          box: [box.left - origin.left, box.top - origin.top, box.width, box.height].map(Math.round),
          style: Object.fromEntries(styles.map((name) => [name, computed.getPropertyValue(name)])),
          before: getComputedStyle(element, '::before').content,
        };
      }
      return layout;
    },
    { selectors: MEASURED, styles: STYLES },
  );
}

/** Opens a story with nothing or a host stylesheet on the page; returns its layout after a screenshot. */
async function storyOnHost(storyId: string, host: string | undefined): Promise<Layout> {
  const { page, context, problems } = await openWatchedPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.url}/iframe.html?id=${storyId}&viewMode=story`);
  await page.waitForSelector('.pt-root:not([aria-busy="true"]) .pt-item');
  const setup = host ? HOSTS[host] : undefined;
  if (setup) {
    await page.addStyleTag({ content: setup.sheet });
    if (setup.wrapperClass) {
      await page.evaluate((name) => document.getElementById('storybook-root')?.classList.add(name), setup.wrapperClass);
    }
  }
  await page.addStyleTag({ content: PIN });
  // Thumbnails are lazy: bring every one into view so their boxes are settled before measuring.
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => {}))));
  const layout = await layoutOf(page);
  const variant = storyId.split('--')[1];
  await page.locator('.pt-root').screenshot({ path: await screenshotPath(`host-${host ?? 'none'}-${variant}`) });
  expect(await axeViolations(page, '.pt-root')).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
  return layout;
}

/** Every difference between two layouts, as readable lines; boxes may differ by a pixel of rounding. */
function differences(bare: Layout, hosted: Layout): string[] {
  const found: string[] = [];
  for (const [selector, expected] of Object.entries(bare)) {
    const actual = hosted[selector];
    if (!expected || !actual) {
      if (expected !== actual) found.push(`${selector}: present ${!!expected} → ${!!actual}`);
      continue;
    }
    if (expected.box.some((value, index) => Math.abs(value - (actual.box[index] ?? Number.NaN)) > 1)) {
      found.push(`${selector} box [${expected.box}] → [${actual.box}]`);
    }
    for (const [name, value] of Object.entries(expected.style)) {
      if (actual.style[name] !== value) found.push(`${selector} ${name}: ${value} → ${actual.style[name]}`);
    }
    if (actual.before !== expected.before)
      found.push(`${selector}::before content ${expected.before} → ${actual.before}`);
  }
  return found;
}

const STORIES = {
  card: 'widget-trendingpapers--cards-with-thumbnails',
  compact: 'widget-trendingpapers--compact-with-thumbnails',
};

describe('host stylesheets do not restyle the widget', () => {
  for (const [variant, storyId] of Object.entries(STORIES)) {
    it(`keeps the ${variant} layout under every host stylesheet`, async () => {
      const bare = await storyOnHost(storyId, undefined);
      // The measured elements exist, or the comparison would prove nothing.
      const present = Object.values(bare).filter(Boolean).length;
      expect(present).toBeGreaterThanOrEqual(variant === 'card' ? 20 : 12);
      const failures: string[] = [];
      for (const host of Object.keys(HOSTS)) {
        failures.push(...differences(bare, await storyOnHost(storyId, host)).map((line) => `${host}: ${line}`));
      }
      expect(failures).toEqual([]);
    });
  }

  it('would notice a leak: the same hostile sheet with !important does restyle the cards', async () => {
    const bare = await storyOnHost(STORIES.card, undefined);
    HOSTS['important-rules'] = {
      sheet: 'h3 { text-transform: uppercase !important; } li + li { margin-left: 2em !important; }',
    };
    try {
      const lines = differences(bare, await storyOnHost(STORIES.card, 'important-rules'));
      expect(lines).toContain('.pt-title text-transform: none → uppercase');
      expect(lines.some((line) => line.startsWith('.pt-keyword + .pt-keyword box'))).toBe(true);
    } finally {
      delete HOSTS['important-rules'];
    }
  });
});
