import { parseArxivId } from '@papertrend/core';

/** Which links become cards: by default arXiv and Hugging Face paper pages (`/abs/`, `/pdf/`, `/papers/`). */
export type PaperLinkFilter = (url: URL) => boolean;

const PAPER_PAGE = /^(?:www\.|export\.)?(?:arxiv\.org\/(?:abs|pdf)|huggingface\.co\/papers)\//i;

/** arXiv and Hugging Face paper pages. */
export const isPaperPage: PaperLinkFilter = (url) =>
  (url.protocol === 'https:' || url.protocol === 'http:') && PAPER_PAGE.test(`${url.host}${url.pathname}`);

/**
 * The arXiv id of a link that stands for a paper on its own: its text is its URL (a bare link, as an autolink
 * or `<url>` writes it) and the URL is a paper page `filter` accepts. A link with words of its own
 * (`[the LoRA paper](…)`) stays a link.
 */
export function paperIdOfLink(href: string, text: string, filter: PaperLinkFilter = isPaperPage): string | undefined {
  if (text.trim() !== href.trim()) return undefined;
  return paperIdOfUrl(href, filter);
}

/** The arXiv id of a paper page URL `filter` accepts, else `undefined`. */
export function paperIdOfUrl(href: string, filter: PaperLinkFilter = isPaperPage): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  return filter(url) ? parseArxivId(url.href)?.id : undefined;
}

/**
 * The paper pages that stand alone on a line of Markdown: the links the plugins may turn into cards. A
 * superset of them (a line inside a longer paragraph counts too), which is what fetching ahead needs.
 */
export function standalonePaperLinks(markdown: string, filter: PaperLinkFilter = isPaperPage): string[] {
  const ids = new Set<string>();
  for (const line of markdown.split('\n')) {
    const trimmed = line.trim();
    const bare = trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
    if (!/^https?:\/\/\S+$/i.test(bare)) continue;
    const id = paperIdOfUrl(bare, filter);
    if (id) ids.add(id);
  }
  return [...ids];
}
