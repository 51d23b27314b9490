import type { Paper } from '@papertrend/core';
import { normalizeArxivId, parseListing } from '@papertrend/core/lite';
import { EmbeddedPaper, Paper as PaperById, PaperNotFound, type SummaryChoice } from '@papertrend/react';
import { createElement } from 'react';
import { renderInShadow, type ShadowRender, type Theme, thumbnailTemplate } from './mount.js';

const ATTRIBUTES = [
  'paper',
  'src',
  'api',
  'theme',
  'locale',
  'heading-level',
  'summary',
  'thumbnail',
  'thumbnail-src',
] as const;
const THEMES = new Set(['light', 'dark', 'auto']);
const HEADING_LEVELS = new Set([2, 3, 4, 5, 6]);
const HUGGING_FACE = 'https://huggingface.co';

/** The attributes `<paper-card>` reads (all strings, as HTML gives them; all optional). */
export interface PaperCardAttributes {
  /**
   * The paper: an arXiv id in any form (`2106.09685`, `arXiv:2106.09685v2`) or an arXiv or Hugging Face paper
   * URL. Fetched from Hugging Face's API in the browser (arXiv sends no CORS header, so a paper only arXiv
   * knows needs `src` or the build-time plugins).
   */
  paper?: string;
  /** URL of a saved paper (`getPaper`'s result as JSON), or of a listing holding it. Wins over `paper`. */
  src?: string;
  /** Base URL of Hugging Face's API, or of a proxy in front of it (default `https://huggingface.co`). */
  api?: string;
  theme?: Theme;
  /** A BCP 47 tag (`en`, `de-CH`). */
  locale?: string;
  /** The heading level of the title, 2–6 (default 3). */
  'heading-level'?: '2' | '3' | '4' | '5' | '6' | 2 | 3 | 4 | 5 | 6;
  /** Which text shows first: the labelled `ai` summary (default) or the `abstract`. */
  summary?: SummaryChoice;
  /** `off`: no preview image. */
  thumbnail?: 'on' | 'off';
  /** Load the preview image from here instead of Hugging Face's CDN (as `<trending-papers thumbnail-src>`). */
  'thumbnail-src'?: string;
}

/** A `<paper-card>` element, as `document.querySelector('paper-card')` returns it. */
export interface PaperCardElement extends HTMLElement {
  /** The paper set from script (frameworks pass objects as properties); wins over `src` and `paper`. */
  data: Paper | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'paper-card': PaperCardElement;
  }
}

/** Reads `<script type="application/json">` inside the element: a paper inlined by a static site build. */
function inlinePaper(element: Element): Paper | undefined {
  const script = element.querySelector(':scope > script[type="application/json"]');
  if (!script?.textContent?.trim()) return undefined;
  // Inline data is as untrusted as fetched data: it goes through the same validation.
  return parseListing(script.textContent).papers[0];
}

/** `<paper-card>`: one paper as a card of its own, for a blog post about it. */
export function definePaperCardElement(tagName = 'paper-card'): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;

  class PaperCardHTMLElement extends HTMLElement implements PaperCardElement {
    static observedAttributes = [...ATTRIBUTES];
    #shadow: ShadowRender | undefined;
    #data: Paper | undefined;

    get data(): Paper | undefined {
      return this.#data;
    }
    set data(value: Paper | undefined) {
      this.#data = value;
      this.#shadow?.render();
    }

    connectedCallback(): void {
      this.#shadow ??= renderInShadow(
        this,
        () => {
          const theme = this.getAttribute('theme');
          return theme && theme !== 'auto' && THEMES.has(theme) ? (theme as Theme) : undefined;
        },
        (theme) => this.#view(theme),
      );
    }

    disconnectedCallback(): void {
      this.#shadow?.destroy();
      this.#shadow = undefined;
    }

    attributeChangedCallback(): void {
      this.#shadow?.render();
    }

    #view(theme: Theme): ReturnType<typeof createElement> {
      const headingLevel = Number(this.getAttribute('heading-level'));
      const summary = this.getAttribute('summary');
      const locale = this.getAttribute('locale');
      const card = {
        theme,
        ...(HEADING_LEVELS.has(headingLevel) ? { headingLevel: headingLevel as 2 | 3 | 4 | 5 | 6 } : {}),
        ...(summary === 'ai' || summary === 'abstract' ? { summary: summary as SummaryChoice } : {}),
        ...(locale ? { locale } : {}),
        ...(this.getAttribute('thumbnail') === 'off' ? { showThumbnail: false } : {}),
        ...thumbnailTemplate(this.getAttribute('thumbnail-src')),
      };
      const given = this.#data ?? inlinePaper(this);
      if (given) return createElement(EmbeddedPaper, { ...card, paper: given });
      const src = this.getAttribute('src');
      const wanted = this.getAttribute('paper') ?? '';
      if (src) return createElement(PaperById, { ...card, id: wanted, src: new URL(src, document.baseURI).href });
      const id = normalizeArxivId(wanted);
      if (!id) return createElement(PaperNotFound, { theme });
      // Hugging Face's one-paper endpoint, read as a saved paper is: the same size cap, deadline and checks.
      const api = (this.getAttribute('api') ?? HUGGING_FACE).replace(/\/+$/, '');
      return createElement(PaperById, { ...card, key: id, id, src: `${api}/api/papers/${encodeURIComponent(id)}` });
    }
  }

  customElements.define(tagName, PaperCardHTMLElement);
}
