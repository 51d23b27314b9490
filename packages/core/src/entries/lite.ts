/**
 * `@papertrend/core/lite`: `parseListing` for the formats a browser usually fetches — papertrend's JSON
 * (the CLI's `--json`, a build step's `papers.json`), Hugging Face API responses and copied page text —
 * without the HTML/XML parser that Hugging Face HTML and arXiv feeds need (most of what the full parser
 * costs a page: the size test in `test/package.test.ts` and the README give the figures). Registered user sources are honoured as in the full entry.
 */
import { isUnknownFormatError, UnknownFormatError } from '../errors.js';
import type { Listing } from '../model.js';
import { type ListingSourceInput, type ParseListingOptions, parseListingWith, sourcesWith } from '../parse/engine.js';
import type { Source } from '../parse/source.js';
import { hfApiSource } from '../sources/hf-api.js';
import { hfPageTextSource } from '../sources/hf-page-text/index.js';
import { papertrendJsonSource } from '../sources/papertrend-json.js';

export type { Listing, ListingIssue, Paper } from '../model.js';
export type { ListingSourceInput, ParseListingOptions } from '../parse/engine.js';
// What a browser fetching one paper needs to read the id it was given (`<paper-card paper="…">`).
export { normalizeArxivId } from '../parse/normalize.js';

/** The lite entry's built-in sources, in detection order. */
export const liteSources: readonly Source[] = [papertrendJsonSource, hfApiSource, hfPageTextSource];

/** Every source the lite `parseListing` considers, in the order it tries them. */
export function listLiteSources(): Source[] {
  return sourcesWith(liteSources);
}

/**
 * The full `parseListing`, minus the `hf-html` and `arxiv-atom` formats: same options, same `Listing`, same
 * issues. Markup input throws `UnknownFormatError`; use the main entry for it.
 */
export function parseListing(input: ListingSourceInput, options: ParseListingOptions = {}): Listing {
  try {
    return parseListingWith(liteSources, input, options);
  } catch (error) {
    // Markup may well be a listing, just not one this entry reads: say so, and how to get one it does.
    if (
      isUnknownFormatError(error) &&
      options.format === undefined &&
      typeof input === 'string' &&
      /^\s*</.test(input)
    ) {
      throw new UnknownFormatError(
        'this build reads JSON and page text, not markup: convert a page or feed at build time (papertrend parse page.html --json > papers.json) or use @papertrend/core',
        error.tried,
      );
    }
    throw error;
  }
}
