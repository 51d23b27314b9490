/**
 * `<trending-papers>` and `<paper-card>` in React's JSX (TSX): `import type {} from '@papertrend/embed/react'`
 * once, for example in a `.d.ts` of your app, and the elements take their attributes with their types.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  PaperCardAttributes,
  PaperCardElement,
  TrendingPapersAttributes,
  TrendingPapersElement,
} from '../dist/index.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'trending-papers': DetailedHTMLProps<HTMLAttributes<TrendingPapersElement>, TrendingPapersElement> &
        TrendingPapersAttributes;
      'paper-card': DetailedHTMLProps<HTMLAttributes<PaperCardElement>, PaperCardElement> & PaperCardAttributes;
    }
  }
}
