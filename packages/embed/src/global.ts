/** The script-tag build: defines `<trending-papers>` and `<paper-card>`, and exposes `window.papertrend`. */
import { definePaperCardElement, defineTrendingPapersElement, mount } from './index.js';

declare global {
  interface Window {
    papertrend?: {
      mount: typeof mount;
      defineTrendingPapersElement: typeof defineTrendingPapersElement;
      definePaperCardElement?: typeof definePaperCardElement;
    };
  }
}

// A second copy of the script keeps the first one's API (and the elements it already defined).
window.papertrend ??= { mount, defineTrendingPapersElement, definePaperCardElement };
