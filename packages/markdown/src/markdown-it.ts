import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MarkdownIt, Token } from 'markdown-it';
import { isPaperPage, type PaperLinkFilter, paperIdOfLink, standalonePaperLinks } from './paper-links.js';
import { type FetchOptions, fetchPaperCards, type PaperCards } from './papers.js';
import { missingPaper, pageCards, type StaticCardOptions, warnOnceEach } from './render.js';

export interface MarkdownItPaperCardsOptions {
  /** The papers, fetched before rendering (markdown-it renders synchronously): see `preparePaperCards`. */
  papers: PaperCards;
  /** Which links become cards (default: arXiv and Hugging Face paper pages). Use the same as when preparing. */
  match?: PaperLinkFilter;
  /**
   * What the cards show (thumbnail, which text, theme, labels, locale). A card's title is a heading one level
   * below the section it is in, unless `headingLevel` says otherwise.
   */
  card?: StaticCardOptions;
}

/**
 * Fetch the papers that Markdown files link alone on a line, before a markdown-it build renders them: every
 * `.md` file under `dir` (recursively, `node_modules` and dot-folders skipped), or the texts given.
 *
 * @example
 * ```js
 * // .vitepress/config.mjs
 * const papers = await preparePaperCards({ dir: 'docs' });
 * export default defineConfig({ markdown: { config: (md) => md.use(markdownItPaperCards, { papers }) } });
 * ```
 */
export async function preparePaperCards(
  source: { dir: string } | { texts: readonly string[] },
  options: FetchOptions & { match?: PaperLinkFilter } = {},
): Promise<PaperCards> {
  const texts = 'texts' in source ? source.texts : await markdownFiles(source.dir);
  return fetchPaperCards(
    texts.flatMap((text) => standalonePaperLinks(text, options.match ?? isPaperPage)),
    options,
  );
}

async function markdownFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })) as string[];
  const wanted = names.filter(
    (name) =>
      name.endsWith('.md') && !name.split(/[\\/]/).some((part) => part === 'node_modules' || part.startsWith('.')),
  );
  return Promise.all(wanted.sort().map((name) => readFile(join(dir, name), 'utf8')));
}

/**
 * A markdown-it plugin (VitePress, Eleventy, Docusaurus' legacy pipeline): a paragraph that is only an arXiv
 * or Hugging Face paper link becomes that paper's card, as static HTML: no client JavaScript. A link inside a
 * sentence stays a link, and so does one whose paper was not prepared or is unknown (with a warning).
 */
export function markdownItPaperCards(md: MarkdownIt, options: MarkdownItPaperCardsOptions): void {
  const match = options.match ?? isPaperPage;
  const warn = warnOnceEach();
  md.core.ruler.push('papertrend_paper_cards', (state) => {
    const { tokens } = state;
    const card = pageCards(options.card);
    let section = 1;
    for (let index = 0; index + 2 < tokens.length; index++) {
      const [open, inline, close] = [tokens[index], tokens[index + 1], tokens[index + 2]];
      if (open?.type === 'heading_open') section = Number(open.tag.slice(1)) || section;
      if (open?.type !== 'paragraph_open' || inline?.type !== 'inline' || close?.type !== 'paragraph_close') continue;
      const id = loneLinkId(inline.children ?? [], match);
      if (!id) continue;
      const paper = options.papers.get(id);
      if (!paper) {
        warn(
          options.papers.has(id)
            ? missingPaper(id)
            : `[papertrend] paper ${id} was not prepared (preparePaperCards): its link stays a link`,
        );
        continue;
      }
      const html = card(paper, section);
      const block = new state.Token('html_block', '', 0);
      // VitePress compiles each page's HTML as a Vue template, where `{{ … }}` in a paper's text would run as
      // an expression. As character references the braces are only text, in Vue and in any other HTML.
      block.content = html.replaceAll('{', '&#123;').replaceAll('}', '&#125;');
      block.block = true;
      tokens.splice(index, 3, block);
    }
  });
}

/** `link_open`, its text, `link_close`, and nothing else but spaces. */
function loneLinkId(children: Token[], match: PaperLinkFilter): string | undefined {
  const content = children.filter((token) => !(token.type === 'text' && token.content.trim() === ''));
  if (content.length !== 3) return undefined;
  const [open, text, close] = content;
  if (open?.type !== 'link_open' || text?.type !== 'text' || close?.type !== 'link_close') return undefined;
  const href = open.attrGet('href');
  return typeof href === 'string' ? paperIdOfLink(href, text.content, match) : undefined;
}
