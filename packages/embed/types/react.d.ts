/**
 * `<trending-papers>` in React's JSX (TSX): `import type {} from '@papertrend/embed/react'` once, for example
 * in a `.d.ts` of your app, and the element takes its attributes with their types.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TrendingPapersAttributes, TrendingPapersElement } from '../dist/index.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'trending-papers': DetailedHTMLProps<HTMLAttributes<TrendingPapersElement>, TrendingPapersElement> &
        TrendingPapersAttributes;
    }
  }
}
