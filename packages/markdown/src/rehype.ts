import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { isPaperPage, type PaperLinkFilter, paperIdOfLink } from './paper-links.js';
import { type FetchOptions, fetchPaperCards } from './papers.js';
import { missingPaper, pageCards, type StaticCardOptions, warnOnceEach } from './render.js';

export interface PaperCardsOptions extends FetchOptions {
  /** Which links become cards (default: arXiv and Hugging Face paper pages). */
  match?: PaperLinkFilter;
  /**
   * What the cards show (thumbnail, which text, theme, labels, locale). A card's title is a heading one level
   * below the section it is in, unless `headingLevel` says otherwise.
   */
  card?: StaticCardOptions;
}

/**
 * A rehype plugin (unified, Astro, MDX, Docusaurus, Next.js MDX): a paragraph that is only an arXiv or Hugging
 * Face paper link becomes that paper's card, as static HTML, at build time: no client JavaScript. A link
 * inside a sentence, or with words of its own, stays a link. Papers are fetched once per build, then read
 * from the disk cache (see `FetchOptions.client`); a paper neither service knows stays a link, with a warning.
 *
 * @example
 * ```js
 * // astro.config.mjs
 * import { rehypePaperCards } from '@papertrend/markdown';
 * export default defineConfig({ markdown: { rehypePlugins: [rehypePaperCards] } });
 * ```
 */
export function rehypePaperCards(options: PaperCardsOptions = {}): (tree: Root) => Promise<void> {
  const match = options.match ?? isPaperPage;
  const warn = warnOnceEach();
  return async (tree) => {
    const found: { parent: Root | Element; index: number; id: string; section: number }[] = [];
    let section = 1;
    walk(tree, (parent, index, node) => {
      const heading = /^h([1-6])$/.exec(node.tagName);
      if (heading) section = Number(heading[1]);
      const id = node.tagName === 'p' ? loneLinkId(node, match) : undefined;
      if (id) found.push({ parent, index, id, section });
      return id === undefined;
    });
    if (found.length === 0) return;
    const papers = await fetchPaperCards(
      found.map(({ id }) => id),
      options,
    );
    const card = pageCards(options.card);
    // From the last, so the indexes of earlier paragraphs stay right as nodes are replaced.
    for (const { parent, index, id, section } of [...found].reverse()) {
      const paper = papers.get(id);
      if (!paper) {
        warn(missingPaper(id));
        continue;
      }
      const html = card(paper, section);
      parent.children.splice(index, 1, ...(fromHtml(html, { fragment: true }).children as ElementContent[]));
    }
  };
}

/** The paper id of a paragraph holding one bare paper link and nothing else but spaces. */
function loneLinkId(paragraph: Element, match: PaperLinkFilter): string | undefined {
  const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [link] = content;
  if (content.length !== 1 || link?.type !== 'element' || link.tagName !== 'a') return undefined;
  const href = link.properties.href;
  if (typeof href !== 'string') return undefined;
  return paperIdOfLink(href, textOf(link), match);
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

/** Visits elements depth first; `visit` returns whether to go inside. */
function walk(parent: Root | Element, visit: (parent: Root | Element, index: number, node: Element) => boolean): void {
  parent.children.forEach((child: RootContent, index) => {
    if (child.type === 'element' && visit(parent, index, child)) walk(child, visit);
  });
}
