import type { Paper, SearchSort } from '@papertrend/core';
import { type Labels, TrendingPapers } from '@papertrend/react';
import widgetStyles from '@papertrend/react/styles.css';
// Bundled against preact/compat (see tsup.config.ts): the same components as @papertrend/react, a tenth of
// React's bytes.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';

export type Theme = 'light' | 'dark' | 'auto';

/** What `mount` and `<trending-papers>` accept: the widget's props, with `query` as a live value. */
export interface MountOptions {
  /** Papers to show (already validated, or from your own code). Wins over `src`. */
  papers?: readonly Paper[] | undefined;
  /** URL of a JSON listing (papertrend's `--json` output, a Hugging Face API response) or page text. */
  src?: string;
  limit?: number;
  /** The search box's text; changing it later searches again. */
  query?: string;
  /** `auto` (default) follows the page: an ancestor `[data-theme]`/`.dark`, else `prefers-color-scheme`. */
  theme?: Theme;
  sort?: SearchSort;
  locale?: string;
  labels?: Partial<Labels>;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** `card` (default) or `compact`. */
  variant?: 'card' | 'compact';
  /** Show each paper's preview image (default: `true` for cards, `false` for `compact`). */
  showThumbnails?: boolean;
  /** Where preview images load from instead of Hugging Face's CDN (see `thumbnailTemplate`). */
  thumbnailSrc?: (url: string, paper: Paper) => string | undefined;
  /** Show the search box (default: `true` for cards, `false` for `compact`). */
  showSearch?: boolean;
  /** Show sort and the with-code filter (default: `true` for cards, `false` for `compact`). */
  showFilters?: boolean;
  onSelect?: (paper: Paper) => void;
  onQueryChange?: (query: string) => void;
  /** Called once per failed load with the error; readers see a short message and a retry. */
  onError?: (error: Error) => void;
}

export interface MountHandle {
  /** Merge new options into the current ones and re-render. */
  update: (options: Partial<MountOptions>) => void;
  /** Unmount the widget, stop watching the page theme and empty the shadow root. */
  destroy: () => void;
}

/*
 * The shadow root isolates the widget both ways: page selectors cannot reach inside, and the widget's rules
 * cannot leak out. Inherited properties still cross the boundary, so the host resets them (`all: initial`);
 * custom properties are exempt from `all`, which is why `--pt-*` theming still works from the page.
 * An element written ahead of time (`renderTrendingPapers`) and not upgraded yet, or never (no JavaScript),
 * offers nothing that needs the script: no "More" or "Show more", and the toolbar and the count ("17 papers",
 * above the five a page shows before it can page) hidden but keeping their place, so nothing moves when the
 * script arrives.
 */
export const hostStyles = `
:host {
  all: initial;
  display: block;
  contain: content;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
  text-align: start;
}
:host([hidden]) { display: none; }
:host(:not(:defined)) :is(.pt-toolbar, .pt-count) { visibility: hidden; }
:host(:not(:defined)) :is(.pt-show-more, .pt-expand) { display: none; }
/* A theme stated by the page means the page's own background is behind the widget: let it show. */
[data-page-theme] > .pt-root[data-pt-theme] { --_pt-bg: var(--pt-bg, transparent); padding: 0; }
`;

/** The page's explicit theme around `element`, if it states one (Docusaurus, Nextra, most blog themes). */
export function pageTheme(element: Element): Theme {
  const marked = element.closest('[data-theme], .dark, .light');
  if (!marked) return 'auto';
  const stated = marked.getAttribute('data-theme');
  if (stated === 'dark' || (stated === null && marked.classList.contains('dark'))) return 'dark';
  if (stated === 'light' || (stated === null && marked.classList.contains('light'))) return 'light';
  return 'auto';
}

export function Embedded({ options, theme }: { options: MountOptions; theme: Theme }) {
  // What the reader typed, and the `query` option it started from: a new attribute or option replaces what was
  // typed (read during render, no effect to sync); typing does not touch the attribute.
  const [typed, setTyped] = useState({ from: options.query, query: options.query ?? '' });
  const query = typed.from === options.query ? typed.query : (options.query ?? '');
  const setQuery = (value: string): void => setTyped({ from: options.query, query: value });
  const { papers, src, limit, sort, locale, labels, headingLevel, onSelect, onQueryChange, onError } = options;
  const { variant, showThumbnails, thumbnailSrc, showSearch, showFilters } = options;
  return createElement(TrendingPapers, {
    ...(variant ? { variant } : {}),
    ...(showThumbnails === undefined ? {} : { showThumbnails }),
    ...(thumbnailSrc ? { thumbnailSrc } : {}),
    ...(showSearch === undefined ? {} : { showSearch }),
    ...(showFilters === undefined ? {} : { showFilters }),
    // A new initial sort means a fresh widget.
    key: sort ?? 'relevance',
    ...(papers ? { papers } : {}),
    ...(src ? { src } : {}),
    ...(limit ? { limit } : {}),
    ...(sort ? { sort } : {}),
    ...(locale ? { locale } : {}),
    ...(labels ? { labels } : {}),
    ...(headingLevel ? { headingLevel } : {}),
    ...(onSelect ? { onSelect } : {}),
    ...(onError ? { onError } : {}),
    theme,
    query,
    onQueryChange: (value: string) => {
      setQuery(value);
      onQueryChange?.(value);
    },
  });
}

/** A React element rendered in `element`'s shadow root with the widget's stylesheet, in the page's theme. */
export interface ShadowRender {
  /** Render again (new options), re-reading the page's theme. */
  render: () => void;
  destroy: () => void;
}

/**
 * The shadow root, the stylesheet, and the page theme watched from outside it: what `mount` and
 * `<paper-card>` share. `explicitTheme` returns the theme set by an option or attribute, if any.
 */
export function renderInShadow(
  element: Element,
  explicitTheme: () => Theme | undefined,
  view: (theme: Theme) => ReturnType<typeof createElement>,
): ShadowRender {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  const style = document.createElement('style');
  style.textContent = hostStyles + widgetStyles;
  const container = document.createElement('div');
  shadow.append(style, container);
  const root = createRoot(container);
  let theme: Theme | undefined;
  const render = (): void => {
    const explicit = explicitTheme();
    theme = explicit ?? pageTheme(element);
    if (!explicit && theme !== 'auto') container.setAttribute('data-page-theme', theme);
    else container.removeAttribute('data-page-theme');
    root.render(view(theme));
  };
  // The page's theme lives outside the shadow root, where the stylesheet's ancestor selectors cannot see
  // it: watch the attributes that carry it and re-render when the answer changes.
  const observer = new MutationObserver(() => {
    if ((explicitTheme() ?? pageTheme(element)) !== theme) render();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    subtree: true,
    attributeFilter: ['data-theme', 'class'],
  });
  render();
  return {
    render,
    destroy() {
      observer.disconnect();
      root.unmount();
      shadow.replaceChildren();
    },
  };
}

/**
 * Render the widget into `element`'s shadow root (created if needed). Works on any element that can host a
 * shadow root (`div`, `section`, a custom element…).
 *
 * @example
 * const widget = papertrend.mount(document.querySelector('#papers'), { src: '/papers.json', limit: 10 });
 * widget.update({ query: 'diffusion' });
 */
export function mount(element: Element, initial: MountOptions = {}): MountHandle {
  let options = initial;
  const shadow = renderInShadow(
    element,
    () => (options.theme && options.theme !== 'auto' ? options.theme : undefined),
    (theme) => createElement(Embedded, { options, theme }),
  );
  return {
    update(changes) {
      options = { ...options, ...changes };
      shadow.render();
    },
    destroy: shadow.destroy,
  };
}

/**
 * The `thumbnail-src` attribute as a `thumbnailSrc` option: a URL template where `{url}` is the image's own
 * address and `{id}` the paper's id, both URL-encoded (`/img?u={url}` for a proxy, `/thumbs/{id}.png` for your
 * own copies), so readers' browsers never ask Hugging Face's CDN.
 */
export function thumbnailTemplate(template: string | null): Pick<MountOptions, 'thumbnailSrc'> {
  if (!template) return {};
  return {
    thumbnailSrc: (url, paper) =>
      template.replace(/\{(url|id)\}/g, (_, name) => encodeURIComponent(name === 'url' ? url : paper.id)),
  };
}
