/**
 * Hugging Face papers pages as served (`/papers`, `/papers/date/…`, `/papers/trending`, `/papers/{id}`).
 * The page data sits as HTML-escaped JSON in the `data-props` attribute of the element whose `data-target`
 * is `DailyPapers` (a listing: `dailyPapers[]`, `date`, …) or `PaperContent` (one paper: `paper`, …).
 * htmlparser2 reads the markup, so attribute order, quote style and entity escaping do not matter; the
 * JSON then goes through the Hugging Face API mapping (one parsing path per format).
 */
import { ListingFormatError } from '../errors.js';
import type { ListingMeta } from '../model.js';
import { defineSource, type SourceResult } from '../parse/source.js';
import { parseHfApiJson } from './hf-api.js';
import { readMarkup, StopReading } from './markup.js';

const TARGETS = new Set(['DailyPapers', 'PaperContent']);

interface EmbeddedProps {
  target: string;
  props: string;
}

/** The `data-props` of the first element whose `data-target` is a papers component. */
function findEmbeddedProps(html: string): EmbeddedProps | undefined {
  let found: EmbeddedProps | undefined;
  readMarkup(
    html,
    'hf-html',
    {
      onopentag(_name, attributes) {
        const target = attributes['data-target'];
        const props = attributes['data-props'];
        if (target !== undefined && TARGETS.has(target) && props !== undefined) {
          found = { target, props };
          // The rest of the page is not needed.
          throw new StopReading();
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  return found;
}

export const hfHtmlSource = defineSource({
  name: 'hf-html',
  description: 'a Hugging Face papers page as HTML (listing or single paper), data read from its data-props',
  detect(input) {
    const { text } = input;
    if (text === undefined || input.isJson) return false;
    const head = text.trimStart().slice(0, 512).toLowerCase();
    if (!head.startsWith('<')) return false;
    // Cheap sniffing only: the component's data-target attribute appears verbatim in every page that carries it
    // (a page that only mentions the word is not one).
    return /data-target\s*=\s*(["']?)(DailyPapers|PaperContent)\1/i.test(text);
  },
  parse(input, context): SourceResult {
    const embedded = findEmbeddedProps(input.text ?? '');
    if (!embedded) {
      throw new ListingFormatError(
        'hf-html',
        'no element with data-target="DailyPapers" or "PaperContent" and a data-props attribute',
      );
    }
    let props: unknown;
    try {
      props = JSON.parse(embedded.props);
    } catch (error) {
      throw new ListingFormatError('hf-html', `the data-props of ${embedded.target} is not JSON`, { cause: error });
    }
    const data = props as Record<string, unknown>;
    if (embedded.target === 'PaperContent') {
      if (typeof data?.paper !== 'object' || data.paper === null) {
        throw new ListingFormatError('hf-html', 'PaperContent data-props has no "paper" object');
      }
      const result = parseHfApiJson(data.paper, context, ['paper']);
      return result;
    }
    if (!Array.isArray(data?.dailyPapers)) {
      throw new ListingFormatError('hf-html', 'DailyPapers data-props has no "dailyPapers" array');
    }
    const result = parseHfApiJson(data.dailyPapers, context, ['dailyPapers']);
    const meta: Partial<ListingMeta> = { ...result.meta };
    for (const key of ['date', 'prevDate', 'nextDate'] as const) {
      const value = data[key];
      if (typeof value === 'string') meta[key] = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
    }
    return { papers: result.papers, meta };
  },
});
