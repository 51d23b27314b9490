/**
 * `@papertrend/markdown`: an arXiv or Hugging Face paper link alone on its line becomes the paper's card, in
 * static HTML at build time, as astro-embed does for posts. A rehype plugin for unified pipelines (Astro,
 * MDX, Docusaurus, Next.js) and a markdown-it plugin (VitePress, Eleventy).
 */
export { type MarkdownItPaperCardsOptions, markdownItPaperCards, preparePaperCards } from './markdown-it.js';
export { isPaperPage, type PaperLinkFilter, paperIdOfLink, standalonePaperLinks } from './paper-links.js';
export { type FetchOptions, fetchPaperCards, type PaperCards } from './papers.js';
export { type PaperCardsOptions, rehypePaperCards } from './rehype.js';
export { renderPaperCard, type StaticCardOptions } from './render.js';
