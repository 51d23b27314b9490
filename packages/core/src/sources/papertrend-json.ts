/**
 * papertrend's own output: a `Listing` as `papertrend … --json` prints it, a bare `Paper[]`, or one `Paper`
 * (what `getPaper` returns, saved for a page that embeds one paper). This is what
 * a blog build writes and the widget reads back, so it is validated like any other untrusted input: every
 * paper against `PaperSchema`, bad fields dropped with a warning (a `javascript:` link, say), bad papers
 * reported.
 */
import { ListingFormatError } from '../errors.js';
import { type Paper, PaperSchema } from '../model.js';
import { defineSource } from '../parse/source.js';
import { validateEntry } from '../parse/validate-entry.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function looksLikePaper(value: unknown): boolean {
  return isObject(value) && 'id' in value && 'title' in value && isObject(value.links) && isObject(value.metrics);
}

export const papertrendJsonSource = defineSource({
  name: 'papertrend-json',
  description: "papertrend's own JSON: a Listing (papertrend --json), an array of Paper objects, or one Paper",
  detect(input) {
    const { json } = input;
    if (Array.isArray(json)) return json.length > 0 && json.some(looksLikePaper);
    return (isObject(json) && Array.isArray(json.papers) && typeof json.format === 'string') || looksLikePaper(json);
  },
  parse(input, context) {
    const { json } = input;
    const single = !Array.isArray(json) && looksLikePaper(json);
    const list = single ? [json] : Array.isArray(json) ? json : isObject(json) ? json.papers : undefined;
    if (!Array.isArray(list)) {
      throw new ListingFormatError(
        'papertrend-json',
        'expected an array of papers, or a Listing object ({ papers: [...], format, meta }) as `papertrend --json` writes',
      );
    }
    const papers: Paper[] = [];
    list.forEach((raw, index) => {
      const path = single ? [] : Array.isArray(json) ? [index] : ['papers', index];
      const paper = validateEntry(PaperSchema, raw, path, context);
      if (paper) papers.push(paper as Paper);
    });
    const meta = !single && isObject(json) && isObject(json.meta) ? plainFacts(json.meta) : {};
    return { papers, meta: { ...meta, entries: list.length, duplicates: 0 } };
  },
});

/** Keys never copied from untrusted input: they would reach an object's prototype when assigned. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The meta facts of a saved listing worth keeping: string, number and boolean values of ordinary keys. The
 * counts are recomputed; nested values and prototype keys of an untrusted file are left behind.
 */
function plainFacts(meta: Record<string, unknown>): Record<string, string | number | boolean> {
  const facts: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(meta).slice(0, 64)) {
    if (UNSAFE_KEYS.has(key) || key === 'entries' || key === 'duplicates') continue;
    if (typeof value === 'string') facts[key] = value.slice(0, 1_000);
    else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') facts[key] = value;
  }
  return facts;
}
