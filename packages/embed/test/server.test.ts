import type { Paper } from '@papertrend/core';
import { parseListing } from '@papertrend/core/lite';
import { snapshot } from '@papertrend/core/snapshot';
import { expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);
const OPEN = '<script type="application/json">';
const inlineOf = (html: string) => html.slice(html.indexOf(OPEN) + OPEN.length, html.lastIndexOf('</script>'));
const { renderTrendingPapers } = (await import(new URL('server.js', dist).href)) as typeof import('../src/server.js');

it('writes the element with its papers in a declarative shadow root and beside it as inline JSON', () => {
  const html = renderTrendingPapers({
    papers: snapshot.daily,
    attributes: { limit: 3, variant: 'compact', thumbnails: true },
  });
  expect(html).toMatch(
    /^<trending-papers limit="3" variant="compact" thumbnails=""><template shadowrootmode="open"><style>/,
  );
  expect(html.match(/class="pt-row"/g)).toHaveLength(3);
  expect(html.match(/<img class="pt-thumb"/g) ?? html.match(/class="pt-thumb"/g)).toHaveLength(3);
  // Every paper travels (readers search them all), trimmed to what the widget shows and searches; the element
  // reads them back with the same validation as any inline listing.
  const inline = inlineOf(html);
  const papers = parseListing(inline).papers;
  expect(papers.map((paper) => paper.id)).toEqual(snapshot.daily.papers.map((paper) => paper.id));
  expect(inline.length).toBeLessThan(JSON.stringify(snapshot.daily.papers).length / 2);
  expect(html.endsWith('</script></trending-papers>')).toBe(true);
  // `false` means off, as the element reads the attribute, not absent (which would be the cards' default, on).
  const without = renderTrendingPapers({ papers: snapshot.daily, attributes: { limit: 3, thumbnails: false } });
  expect(without).toMatch(/^<trending-papers limit="3" thumbnails="false">/);
  expect(without).not.toContain('class="pt-thumb"');
  expect(renderTrendingPapers({ papers: snapshot.daily, attributes: { limit: 3 } })).toContain('class="pt-thumb"');
});

it('keeps hostile text inert: attributes escaped, no early end to the inline script, titles as text', () => {
  const hostile: Paper = {
    ...(snapshot.daily.papers[0] as Paper),
    title: 'A </script><script>alert(1)</script> & <img src=x onerror=alert(2)> title\u2028',
  };
  const html = renderTrendingPapers({
    papers: [hostile],
    attributes: { id: 'x" onmouseover="alert(3)', locale: 'en' },
  });
  expect(html).toContain('id="x&quot; onmouseover=&quot;alert(3)"');
  expect(html.match(/<\/script>/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script>alert|<img src=x/);
  expect(html).toContain('A &lt;/script>&lt;script>alert(1)&lt;/script> &amp; &lt;img src=x onerror=alert(2)> title');
  const inline = inlineOf(html);
  expect(parseListing(inline).papers[0]?.title).toBe(hostile.title);
  expect(() => renderTrendingPapers({ papers: [], tagName: 'div><script' })).toThrow(TypeError);
});
