/**
 * Text as each output format can carry it. Papers are untrusted input: a title may hold `]]>`, `</item>`,
 * control characters or half a surrogate pair, and each writer must turn that into valid output that reads
 * back as the same text, or as close to it as the format allows.
 */
import { wellFormed } from '../parse/normalize.js';

// XML 1.0 has no way to write these characters, not even as references (`&#1;` is not well-formed): C0
// controls other than tab, line feed and carriage return, and the non-characters U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing the characters XML forbids is the point
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * `text` as XML 1.0 can hold it: lone surrogates become U+FFFD and the characters XML forbids are removed.
 * Escaping `<`, `&` and quotes is the XML builder's job, not this function's.
 */
export function xmlSafe(text: string): string {
  return wellFormed(text).replace(NOT_IN_XML, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML text: the characters HTML reads as markup become character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

/** Paragraphs of plain text (separated by a blank line, as `Paper.abstract` keeps them) as HTML `<p>`s. */
export function paragraphsToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}
