export {
  EmbeddedPaper,
  type EmbeddedPaperComponents,
  type EmbeddedPaperProps,
  PaperNotFound,
  type PaperNotFoundProps,
  PaperSkeleton,
  type PaperStateProps,
} from './components/embedded-paper.js';
export { Icon, type IconName } from './components/icons.js';
export { MathText } from './components/math-text.js';
export { Paper, type PaperProps } from './components/paper.js';
export { PaperCard, type PaperCardProps, PaperDate, Upvotes } from './components/paper-card.js';
export { PaperList, type PaperListProps } from './components/paper-list.js';
export { PaperRow, type PaperRowProps } from './components/paper-row.js';
export { PapersSkeleton } from './components/papers-skeleton.js';
export { Highlighted, RichText } from './components/rich-text.js';
export { SearchBox, type SearchBoxProps } from './components/search-box.js';
export { TrendingPapers, type TrendingPapersProps } from './components/trending-papers.js';
export type { HeadingLevel, SummaryChoice, Variant } from './components/types.js';
export { failureOf, type LoadFailure } from './hooks/load-src.js';
export { type PaperClient, type PaperState, type UsePaperOptions, usePaper } from './hooks/use-paper.js';
export {
  type UsePaperSearchOptions,
  type UsePaperSearchPageOptions,
  usePaperSearch,
  usePaperSearchPage,
} from './hooks/use-paper-search.js';
export {
  type PapersClient,
  type PapersListing,
  type PapersState,
  type UsePapersOptions,
  usePapers,
} from './hooks/use-papers.js';
export {
  type TrendingPapersState,
  type TrendingPapersStateOptions,
  useTrendingPapersState,
} from './hooks/use-trending-papers-state.js';
export { defaultLabels, type Labels } from './labels.js';
// Also here for bundlers and plain server code; a React Server Component imports it from `/server` instead,
// since everything in this 'use client' entry is a client reference there.
export { type TrimOptions, trimForWidget } from './trim.js';
export {
  formatCount,
  highlightPieces,
  type PaperLinkView,
  type PaperView,
  type Period,
  periodRequest,
  safeHref,
  toPaperView,
  usableLocale,
  type ViewOptions,
} from './view.js';
