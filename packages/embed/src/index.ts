/**
 * `@papertrend/embed`: the papertrend widget as a `<trending-papers>` custom element and a `mount()`
 * function, and one paper as `<paper-card>`, bundled with preact/compat so one script tag brings everything (no
 * React on the page needed).
 *
 * Importing this module defines both elements (once, however often it is loaded).
 */
import { defineTrendingPapersElement } from './element.js';
import { definePaperCardElement } from './paper-card.js';

export {
  defineTrendingPapersElement,
  type TrendingPapersAttributes,
  type TrendingPapersElement,
} from './element.js';
export { type MountHandle, type MountOptions, mount, pageTheme, type Theme } from './mount.js';
export { definePaperCardElement, type PaperCardAttributes, type PaperCardElement } from './paper-card.js';

defineTrendingPapersElement();
definePaperCardElement();
