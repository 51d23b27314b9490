import type { Paper, SearchSort } from '@papertrend/core';
import { parseListing } from '@papertrend/core/lite';
import { type MountHandle, type MountOptions, mount, type Theme, thumbnailTemplate } from './mount.js';

const ATTRIBUTES = [
  'src',
  'limit',
  'query',
  'theme',
  'sort',
  'locale',
  'heading-level',
  'variant',
  'thumbnails',
  'thumbnail-src',
  'search',
  'filters',
] as const;
const THEMES = new Set(['light', 'dark', 'auto']);
const SORTS = new Set(['relevance', 'upvotes', 'date']);
const HEADING_LEVELS = new Set([2, 3, 4, 5, 6]);

/** Reads `<script type="application/json">` inside the element: papers inlined by a static site build. */
function inlinePapers(element: Element): readonly Paper[] | undefined {
  const script = element.querySelector(':scope > script[type="application/json"]');
  if (!script?.textContent?.trim()) return undefined;
  // Inline data is as untrusted as fetched data: it goes through the same validation.
  return parseListing(script.textContent).papers;
}

/** The attributes `<trending-papers>` reads (all strings, as HTML gives them; all optional). */
export interface TrendingPapersAttributes {
  /** URL of a listing: papertrend JSON (`papertrend … --json`), a Hugging Face API response, or page text. */
  src?: string;
  /** How many papers to show before "show more". */
  limit?: string | number;
  /** The search box's text. */
  query?: string;
  theme?: Theme;
  sort?: SearchSort;
  /** A BCP 47 tag (`en`, `de-CH`); an invalid one falls back to the browser's default with a warning. */
  locale?: string;
  /** The heading level of each paper's title, 2–6 (default 3): one below the heading the element sits under. */
  'heading-level'?: '2' | '3' | '4' | '5' | '6' | 2 | 3 | 4 | 5 | 6;
  /** `card` (default) or `compact`: rank, title, date and upvotes in one or two lines. */
  variant?: 'card' | 'compact';
  /** Show each paper's preview image (default: on for cards, off for compact); `false` or `off` hides them. */
  thumbnails?: '' | boolean | 'on' | 'off' | 'false';
  /**
   * Load preview images from here instead of Hugging Face's CDN: a URL template, `{url}` the image's own
   * address and `{id}` the paper's id, both URL-encoded (`/img-proxy?url={url}`, `/thumbs/{id}.png`).
   */
  'thumbnail-src'?: string;
  /** `on` / `off`: show the search box (default: on for cards, off for compact). */
  search?: 'on' | 'off';
  /** `on` / `off`: show sort and the with-code filter (default: on for cards, off for compact). */
  filters?: 'on' | 'off';
}

/** A `<trending-papers>` element, as `document.querySelector('trending-papers')` returns it. */
export interface TrendingPapersElement extends HTMLElement {
  /** Papers set from script (frameworks pass objects as properties); wins over `src`. */
  papers: readonly Paper[] | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'trending-papers': TrendingPapersElement;
  }
}

/** `<trending-papers>`: the widget as a custom element. Attributes are read on connect and on change. */
export function defineTrendingPapersElement(tagName = 'trending-papers'): void {
  // Loading the script twice (two themes both include it, say) must not throw.
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;

  class TrendingPapersHTMLElement extends HTMLElement implements TrendingPapersElement {
    static observedAttributes = [...ATTRIBUTES];
    #handle: MountHandle | undefined;
    #papers: readonly Paper[] | undefined;

    /** Papers set from script (frameworks pass objects as properties); wins over `src`. */
    get papers(): readonly Paper[] | undefined {
      return this.#papers;
    }
    set papers(value: readonly Paper[] | undefined) {
      this.#papers = value;
      this.#handle?.update({ papers: value });
    }

    connectedCallback(): void {
      this.#handle ??= mount(this, this.#options());
    }

    disconnectedCallback(): void {
      this.#handle?.destroy();
      this.#handle = undefined;
    }

    attributeChangedCallback(): void {
      this.#handle?.update(this.#options());
    }

    #options(): MountOptions {
      const src = this.getAttribute('src');
      const papers = this.#papers ?? (src ? undefined : inlinePapers(this));
      return {
        ...(papers ? { papers } : {}),
        ...(src ? { src: new URL(src, document.baseURI).href } : {}),
        ...attributeOptions((name) => this.getAttribute(name)),
      };
    }
  }

  customElements.define(tagName, TrendingPapersHTMLElement);
}

/**
 * The widget's options from `<trending-papers>` attributes other than `src` (`get` reads one, `null` when absent):
 * shared by the element and the server render, so both read an attribute the same way.
 */
export function attributeOptions(get: (name: string) => string | null): MountOptions {
  const limit = Number.parseInt(get('limit') ?? '', 10);
  const theme = get('theme') ?? 'auto';
  const sort = get('sort') ?? '';
  const headingLevel = Number(get('heading-level'));
  const thumbnails = get('thumbnails');
  // `on`/`off` attributes: anything else leaves the variant's default.
  const toggle = (name: string, option: 'showSearch' | 'showFilters'): Partial<MountOptions> => {
    const value = get(name);
    return value === 'on' || value === 'off' ? { [option]: value === 'on' } : {};
  };
  return {
    ...(limit > 0 ? { limit } : {}),
    query: get('query') ?? '',
    theme: THEMES.has(theme) ? (theme as Theme) : 'auto',
    ...(SORTS.has(sort) ? { sort: sort as SearchSort } : {}),
    ...(get('locale') ? { locale: get('locale') as string } : {}),
    ...(HEADING_LEVELS.has(headingLevel) ? { headingLevel: headingLevel as 2 | 3 | 4 | 5 | 6 } : {}),
    variant: get('variant') === 'compact' ? 'compact' : 'card',
    // Absent: the widget's default (on for cards, off for compact rows); `thumbnails="false"` or "off" hides them.
    ...(thumbnails === null ? {} : { showThumbnails: !['false', 'off'].includes(thumbnails) }),
    ...thumbnailTemplate(get('thumbnail-src')),
    ...toggle('search', 'showSearch'),
    ...toggle('filters', 'showFilters'),
  };
}
