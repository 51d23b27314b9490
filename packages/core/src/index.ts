export {
  type ArxivSearchOptions,
  type CacheStore,
  type CallOptions,
  type ClientOptions,
  createClient,
  createMemoryCache,
  type DailyOptions,
  type PapertrendClient,
  type RetryPolicy,
} from './client.js';
export {
  describePosition,
  HttpError,
  isHttpError,
  isListingFormatError,
  isListingValidationError,
  isNetworkError,
  isPapertrendError,
  isRequestError,
  isRequestTimeoutError,
  isResponseFormatError,
  isResponseTooLargeError,
  isSearchIndexFormatError,
  isUnknownFormatError,
  ListingFormatError,
  ListingValidationError,
  NetworkError,
  PapertrendError,
  RequestError,
  type RequestInfo,
  RequestTimeoutError,
  ResponseFormatError,
  ResponseTooLargeError,
  SearchIndexFormatError,
  UnknownFormatError,
} from './errors.js';
export { mergeListings } from './merge.js';
export {
  type Account,
  AccountSchema,
  type Author,
  AuthorSchema,
  HttpUrlSchema,
  IsoDateSchema,
  type IssuePosition,
  type Listing,
  type ListingIssue,
  type ListingMeta,
  type Media,
  MediaSchema,
  NOTICE_CODES,
  type Paper,
  type PaperLinks,
  PaperLinksSchema,
  type PaperMetrics,
  PaperMetricsSchema,
  PaperSchema,
} from './model.js';
export {
  type ArxivId,
  normalizeArxivId,
  parseArxivId,
  toHttpUrl,
} from './normalize.js';
export {
  builtinSources,
  type ListingSourceInput,
  listSources,
  type ParseListingOptions,
  parseListing,
  registerSource,
  unregisterSource,
} from './parse.js';
export {
  boundedEditDistance,
  createSearchIndex,
  DEFAULT_FIELD_WEIGHTS,
  foldToken,
  loadSearchIndex,
  type SearchField,
  type SearchFilter,
  type SearchHit,
  SearchIndex,
  type SearchIndexOptions,
  type SearchMatch,
  type SearchOptions,
  type SearchSort,
  type SerializedSearchIndex,
} from './search.js';
export {
  type Detection,
  defineSource,
  type EntrySchema,
  type LazyPosition,
  type ListingInput,
  ParseContext,
  type Source,
  type SourceResult,
  type StandardSchemaV1,
  validateEntry,
  type Zod4Schema,
} from './source.js';
export { ArxivApiError, arxivAtomSource, isArxivApiError } from './sources/arxiv-atom.js';
export { HfRawDailyEntrySchema, HfRawPaperSchema, hfApiSource } from './sources/hf-api.js';
export { hfHtmlSource } from './sources/hf-html.js';
export { detectPageText, hfPageTextSource, type PageTextLayout } from './sources/hf-page-text.js';
export { papertrendFeedSource } from './sources/papertrend-feed.js';
export { papertrendJsonSource } from './sources/papertrend-json.js';
