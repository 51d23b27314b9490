import { installKeptFields } from '../search/kept-tokens.js';
import { installShapeKeeper } from '../search/shapes.js';

export { type GetPaperWithClientOptions, getPaper, getPapers } from '../client/get-paper.js';
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
  type StaleEntry,
} from '../client/index.js';
export type { GetPaperOptions, PaperService } from '../client/paper-lookup.js';
export type { PapertrendWarning, PapertrendWarningCode, WarningHandler } from '../client/warnings.js';
export {
  describePosition,
  type FailureKind,
  HttpError,
  isHttpError,
  isListingFormatError,
  isListingValidationError,
  isNetworkError,
  isPaperNotFoundError,
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
  PaperNotFoundError,
  PapertrendError,
  RequestError,
  type RequestInfo,
  RequestTimeoutError,
  ResponseFormatError,
  ResponseTooLargeError,
  SearchIndexFormatError,
  UnknownFormatError,
} from '../errors.js';
export {
  type Account,
  AccountSchema,
  ArxivIdSchema,
  type Author,
  AuthorSchema,
  canonicalPaper,
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
} from '../model.js';
export { mergeListings } from '../parse/merge.js';
export {
  type ArxivId,
  normalizeArxivId,
  parseArxivId,
  toHttpUrl,
} from '../parse/normalize.js';
export {
  type Detection,
  defineSource,
  type LazyPosition,
  type ListingInput,
  ParseContext,
  type Source,
  type SourceResult,
} from '../parse/source.js';
export { type EntrySchema, type StandardSchemaV1, validateEntry, type Zod4Schema } from '../parse/validate-entry.js';
export { ArxivApiError, arxivAtomSource, isArxivApiError } from '../sources/arxiv-atom/index.js';
export { HfRawDailyEntrySchema, HfRawPaperSchema, hfApiSource } from '../sources/hf-api.js';
export { hfHtmlSource } from '../sources/hf-html.js';
export { detectPageText } from '../sources/hf-page-text/detect.js';
export { hfPageTextSource, type PageTextLayout } from '../sources/hf-page-text/index.js';
export { papertrendFeedSource } from '../sources/papertrend-feed.js';
export { papertrendJsonSource } from '../sources/papertrend-json.js';
export { hasTex, splitTex, type TexPiece, texToUnicode } from '../tex/split.js';
export {
  builtinSources,
  type ListingSourceInput,
  listSources,
  type ParseListingOptions,
  parseListing,
  registerSource,
  unregisterSource,
} from './parse.js';
// Everything the search entry offers, from the main entry too.
export * from './search.js';

// Searches made through this entry keep the fields they read as term ids (`search/kept-tokens.ts`), and
// the search's classes alive across indexes (`search/shapes.ts`); the search entry, a widget's, does without
// (its listings are small, and its bytes are its page's).
installKeptFields();
installShapeKeeper();
