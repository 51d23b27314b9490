/**
 * htmlparser2 with a bound on nesting. Its open-element stack is an array it `unshift`s and `shift`s, and a
 * close tag looks itself up with `indexOf`, so every open or stray close costs as much as the stack is deep,
 * and unclosed tags cost quadratic time (`test/linear-time.test.ts`). No real feed or papers page nests more than a
 * few dozen elements, so past `MAX_MARKUP_DEPTH` the document is refused as a whole, which keeps the cost of
 * any input linear in its length.
 */
import { type Handler, Parser, type ParserOptions } from 'htmlparser2';
import { ListingFormatError } from '../errors.js';

/** Deepest element nesting read; Hugging Face pages nest about 30 deep, arXiv feeds 4. */
export const MAX_MARKUP_DEPTH = 256;

/** Thrown by a handler to stop reading early (the rest of the document is not needed). */
export class StopReading extends Error {}

/**
 * Run `handler` over `text`. The handler may throw `StopReading` to stop once it has what it needs; a
 * document nested deeper than `MAX_MARKUP_DEPTH` throws `ListingFormatError` for `format`.
 * `position()` gives handlers the parser's `startIndex` (where the current event begins); `beforeEnd` runs
 * when the whole text has been written, before the parser closes the elements left open (it reports those
 * closes as implied, the sign of a truncated document).
 */
export function readMarkup(
  text: string,
  format: string,
  handler: Partial<Handler>,
  options: ParserOptions,
  hooks: { beforeEnd?: () => void; position?: (get: () => number) => void } = {},
): void {
  let depth = 0;
  const parser = new Parser(
    {
      ...handler,
      onopentag(name, attributes, isImplied) {
        depth++;
        if (depth > MAX_MARKUP_DEPTH) {
          throw new ListingFormatError(
            format,
            `elements nest deeper than ${MAX_MARKUP_DEPTH} levels (at character ${parser.startIndex}); no real document does`,
          );
        }
        handler.onopentag?.(name, attributes, isImplied);
      },
      onclosetag(name, isImplied) {
        depth--;
        handler.onclosetag?.(name, isImplied);
      },
    },
    options,
  );
  hooks.position?.(() => parser.startIndex);
  try {
    parser.write(text);
    hooks.beforeEnd?.();
    parser.end();
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
}
