export {
  type HeadingLevel,
  PaperCard,
  type PaperCardProps,
  PaperList,
  type PaperListProps,
  PaperRow,
  type PaperRowProps,
  PapersSkeleton,
  SearchBox,
  type SearchBoxProps,
  TrendingPapers,
  type TrendingPapersProps,
  type Variant,
} from './components.js';
export {
  failureOf,
  type LoadFailure,
  type PapersClient,
  type PapersListing,
  type PapersState,
  type UsePaperSearchOptions,
  type UsePapersOptions,
  usePaperSearch,
  usePapers,
} from './hooks.js';
export { defaultLabels, type Labels } from './labels.js';
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
