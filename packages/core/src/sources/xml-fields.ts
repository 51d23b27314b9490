/**
 * The reading both feed sources share (`arxiv-atom` and `papertrend-feed`): feeds are records (`<entry>`,
 * `<item>`) of fields, and a field's text is read whole, markup inside it included (`<i>` in a title). This
 * walks htmlparser2's events with the element stack, tells a record's end from an outer stray close or the
 * end of the input (a truncated feed), and hands each source the elements, fields and records it reads.
 * Elements are matched by local name, so namespace prefixes and `xmlns` placement do not matter.
 */
import { readMarkup } from './markup.js';

/** How a record ended: its own end tag (with the offset just past it), an outer end tag, or the input's end. */
export type RecordEnd = { kind: 'closed'; end: number } | { kind: 'unclosed' } | { kind: 'truncated' };

export interface XmlFieldHandlers {
  /** Is this element (by local name) a record, such as `entry` or `item`? */
  isRecord(name: string): boolean;
  /** Is this element, opened under `parent`, a field whose text is read whole? */
  isField(name: string, parent: string | undefined): boolean;
  /** A record opens at `offset` (the previous one, if still open, is the handler's to end). */
  openRecord(offset: number): void;
  closeRecord(end: RecordEnd): void;
  /** Any other element opens outside a field: for attributes (`href`, `term`) and containers (`author`). */
  openElement?(name: string, attributes: Record<string, string>, parent: string | undefined): void;
  /** Any other element closes outside a field. */
  closeElement?(name: string, parent: string | undefined): void;
  /** A field's whole text (entities decoded, not trimmed), with its local and raw names. */
  field(name: string, rawName: string, parent: string | undefined, text: string): void;
}

export function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

export function readXmlFields(xml: string, format: string, handlers: XmlFieldHandlers): void {
  const stack: string[] = [];
  /** Stack depth of the open record, so an inner or outer stray record element is told apart. */
  let recordDepth = 0;
  let text = '';
  /** Stack depth of the field whose text is being read; markup inside it is part of it. */
  let fieldDepth = 0;
  let ending = false;
  let position = (): number => 0;
  readMarkup(
    xml,
    format,
    {
      onopentag(rawName, attributes) {
        const name = localName(rawName);
        stack.push(name);
        if (fieldDepth > 0) return;
        if (handlers.isRecord(name)) {
          handlers.openRecord(position());
          recordDepth = stack.length;
          return;
        }
        const parent = stack[stack.length - 2];
        handlers.openElement?.(name, attributes, parent);
        if (handlers.isField(name, parent)) {
          fieldDepth = stack.length;
          text = '';
        }
      },
      ontext(chunk) {
        if (fieldDepth > 0) text += chunk;
      },
      onclosetag(rawName, isImplied) {
        const name = localName(rawName);
        const depth = stack.length;
        stack.pop();
        if (fieldDepth > 0 && depth > fieldDepth) return;
        const parent = stack[stack.length - 1];
        if (fieldDepth > 0) {
          fieldDepth = 0;
          handlers.field(name, rawName, parent, text);
          text = '';
        } else if (handlers.isRecord(name) && depth === recordDepth) {
          recordDepth = 0;
          handlers.closeRecord(recordEnd(xml, isImplied, ending, position()));
        } else handlers.closeElement?.(name, parent);
      },
    },
    { xmlMode: true, decodeEntities: true },
    {
      beforeEnd: () => {
        ending = true;
      },
      position: (get) => {
        position = get;
      },
    },
  );
}

/**
 * Closed by the end of the input: the feed was cut off inside this record. Closed by an outer end tag
 * (`</feed>` with no `</entry>`): the record is whole but unclosed.
 */
function recordEnd(xml: string, isImplied: boolean, ending: boolean, at: number): RecordEnd {
  if (isImplied) return ending ? { kind: 'truncated' } : { kind: 'unclosed' };
  const close = xml.indexOf('>', at);
  return { kind: 'closed', end: close === -1 ? xml.length : close + 1 };
}
