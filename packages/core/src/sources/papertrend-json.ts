/**
 * papertrend's own output: a `Listing` as `papertrend … --json` prints it, or a bare `Paper[]`. This is what
 * a blog build writes and the widget reads back, so it is validated like any other untrusted input: every
 * paper against `PaperSchema`, bad fields dropped with a warning (a `javascript:` link, say), bad papers
 * reported.
 */
import { type Paper, PaperSchema } from '../model.js';
import { defineSource, validateEntry } from '../source.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function looksLikePaper(value: unknown): boolean {
  return isObject(value) && 'id' in value && 'title' in value && isObject(value.links) && isObject(value.metrics);
}

export const papertrendJsonSource = defineSource({
  name: 'papertrend-json',
  description: "papertrend's own JSON: a Listing (papertrend --json) or an array of Paper objects",
  detect(input) {
    const { json } = input;
    if (Array.isArray(json)) return json.length > 0 && json.some(looksLikePaper);
    return isObject(json) && Array.isArray(json.papers) && typeof json.format === 'string';
  },
  parse(input, context) {
    const { json } = input;
    const list = Array.isArray(json) ? json : ((json as { papers: unknown[] }).papers ?? []);
    const basePath = Array.isArray(json) ? [] : ['papers'];
    const papers: Paper[] = [];
    list.forEach((raw, index) => {
      const paper = validateEntry(PaperSchema, raw, [...basePath, index], context);
      if (paper) papers.push(paper as Paper);
    });
    const meta = isObject(json) && isObject(json.meta) ? { ...json.meta } : {};
    return { papers, meta: { ...meta, entries: list.length, duplicates: 0 } };
  },
});
