import type { Listing } from '../model.js';
import { type ListingSourceInput, type ParseListingOptions, parseListingWith, sourcesWith } from '../parse/engine.js';
import type { Source } from '../parse/source.js';
import { arxivAtomSource } from '../sources/arxiv-atom/index.js';
import { hfApiSource } from '../sources/hf-api.js';
import { hfHtmlSource } from '../sources/hf-html.js';
import { hfPageTextSource } from '../sources/hf-page-text/index.js';
import { papertrendFeedSource } from '../sources/papertrend-feed.js';
import { papertrendJsonSource } from '../sources/papertrend-json.js';

export {
  type ListingSourceInput,
  type ParseListingOptions,
  registerSource,
  unregisterSource,
} from '../parse/engine.js';

/** Built-in sources in detection order: structured formats first, free text last. */
export const builtinSources: readonly Source[] = [
  papertrendJsonSource,
  papertrendFeedSource,
  hfApiSource,
  hfHtmlSource,
  arxivAtomSource,
  hfPageTextSource,
];

/** Every source `parseListing` considers, in the order it tries them. */
export function listSources(): Source[] {
  return sourcesWith(builtinSources);
}

/**
 * Parse a paper listing in any known format into `Paper`s.
 *
 * Lenient by default: every entry of the input becomes a `Paper` or an `issues` item saying where and why.
 * Input that is no listing at all throws `UnknownFormatError` naming the formats tried.
 *
 * @example
 * const { papers, issues } = parseListing(await fs.readFile('daily.json', 'utf8'));
 */
export function parseListing(input: ListingSourceInput, options: ParseListingOptions = {}): Listing {
  return parseListingWith(builtinSources, input, options);
}
