/** The script-tag build: defines `<trending-papers>` and exposes `window.papertrend.mount`. */
import { defineTrendingPapersElement, mount } from './index.js';

declare global {
  interface Window {
    papertrend?: { mount: typeof mount; defineTrendingPapersElement: typeof defineTrendingPapersElement };
  }
}

// A second copy of the script keeps the first one's API (and the element it already defined).
window.papertrend ??= { mount, defineTrendingPapersElement };
