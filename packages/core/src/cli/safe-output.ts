/**
 * Text from a listing or a server is untrusted: it reaches a terminal only without control characters, and
 * JSON only in a form that cannot end the `<script>` element it is inlined into.
 */

/**
 * JSON that is safe to inline in HTML (`<script type="application/json">`) and in JavaScript: `<`, `>`, `&`
 * and the line separators U+2028/2029 are written as `\u` escapes, which every JSON reader turns back into
 * the same characters. A title holding `</script><script>…` then cannot end the script element.
 */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// C0 and C1 controls (ESC starts terminal escape sequences: clear screen, window title, OSC 8 links) and the
// bidirectional overrides that make text display in another order than it reads.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a listing or a server as the terminal may show it: no control characters, no bidi overrides. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}
