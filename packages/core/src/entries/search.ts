/**
 * `@papertrend/core/search`: search as you type over papers, without parsers, zod or the client — what a
 * widget with static papers needs. The engine lives in `search/`; this file only says what is public.
 */
// The search entry (`@papertrend/core/search`) is used without the rest of core: its error comes with it.
export { isSearchIndexFormatError, SearchIndexFormatError } from '../errors.js';
export type { SearchFilter, SearchSort } from '../search/filters.js';
export type { SearchHit, SearchMatch } from '../search/highlight.js';
export {
  MAX_QUERY_CLAUSES,
  MAX_QUERY_LENGTH,
  type ParsedQuery,
  parseSearchQuery,
  type QueryClause,
  type QueryField,
} from '../search/query.js';
export { saveSearchIndex } from '../search/saved-bytes.js';
export type { SearchField } from '../search/scoring.js';
export {
  createSearchIndex,
  DEFAULT_FIELD_WEIGHTS,
  loadSearchIndex,
  SearchIndex,
  type SearchIndexOptions,
  type SearchOptions,
  type SearchPage,
} from '../search/search-index.js';
export type { SerializedSearchIndex } from '../search/serialize.js';
export { foldToken } from '../search/text.js';
export { boundedEditDistance } from '../search/typos.js';
