export {
  type HeadingLevel,
  PaperCard,
  type PaperCardProps,
  PaperList,
  type PaperListProps,
  PapersSkeleton,
  SearchBox,
  type SearchBoxProps,
  TrendingPapers,
  type TrendingPapersProps,
} from './components.js';
export {
  failureOf,
  type LoadFailure,
  type PapersClient,
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
  safeHref,
  toPaperView,
  usableLocale,
  type ViewOptions,
} from './view.js';
