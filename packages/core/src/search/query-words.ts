/**
 * A parsed query as the index scores it: its words in order, each with the fields it may match in and
 * whether it is still being typed, and its quoted phrases as runs of those words.
 */
import type { ParsedQuery, QueryClause, QueryField } from './query.js';
import type { SearchField } from './scoring.js';
import { STOP_WORDS } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** Each field's bit in a posting (the order of `FIELDS`). */
export const FIELD_BIT: Record<SearchField, number> = { title: 1, keywords: 2, authors: 4, summary: 8, abstract: 16 };
const ALL_FIELDS = 31;

export function fieldBits(field: QueryField | undefined): number {
  return field === undefined ? ALL_FIELDS : FIELD_BIT[field];
}

/** One scored query word. */
export interface QueryWord {
  word: string;
  /** Posting field bits it may match in. */
  fields: number;
  typing: boolean;
}

/** A quoted phrase as a run of scored words: which words (bits), from which index, how many, in which fields. */
export interface RequiredPhrase {
  bits: number;
  from: number;
  count: number;
  fields: number;
}

/**
 * The scored words of the clauses, in query order. A repeated word stays repeated (`cache to cache` is two
 * words for phrase runs; the title `Cache-to-Cache` then runs the whole query).
 */
export function queryWords(clauses: QueryClause[], parsed: ParsedQuery): QueryWord[] {
  const words: QueryWord[] = [];
  const last = parsed.clauses[parsed.clauses.length - 1];
  clauses.forEach((clause) => {
    const content = clause.phrase ? phraseContent(clause.words) : clause.words;
    content.forEach((word, at) => {
      if (words.length >= 31) return;
      const fields = fieldBits(clause.field);
      const typing = parsed.typingLast && clause === last && at === content.length - 1;
      words.push({ word, fields, typing });
    });
  });
  return words;
}

/** A phrase's words that are scored: its words without stop words, unless it is all stop words. */
function phraseContent(words: string[]): string[] {
  const content = words.filter((word) => !STOP_WORDS.has(word));
  return content.length > 0 ? content : words;
}

/** The quoted phrases of the clauses as runs of the scored words. */
export function requiredPhrases(clauses: QueryClause[], words: QueryWord[]): RequiredPhrase[] {
  const out: RequiredPhrase[] = [];
  for (const clause of clauses) {
    if (!clause.phrase) continue;
    const content = phraseContent(clause.words);
    const fields = fieldBits(clause.field);
    const from = words.findIndex((word) => word.word === content[0] && word.fields === fields);
    // A phrase whose words repeat an earlier word's position is checked by coverage alone.
    if (from === -1 || content.some((word, at) => words[from + at]?.word !== word)) continue;
    let bits = 0;
    for (let at = 0; at < content.length; at++) bits |= 1 << (from + at);
    // The same phrase written twice is one requirement (each is checked against every candidate).
    if (out.some((phrase) => phrase.bits === bits && phrase.fields === fields)) continue;
    out.push({ bits, from, count: content.length, fields });
  }
  return out;
}

/**
 * Mark in `excluded` the documents an exclusion (`-word`, `-title:word`) leaves out; excluded phrases are
 * checked per document instead.
 */
export function markExcluded(parsed: ParsedQuery, vocabulary: Vocabulary, excluded: Uint8Array): Uint8Array {
  for (const clause of parsed.clauses) {
    if (!clause.exclude || clause.phrase) continue;
    const allowed = fieldBits(clause.field);
    for (const word of clause.words) {
      const term = vocabulary.idOf(word);
      if (term === undefined) continue;
      vocabulary.postings.ready(term);
      for (const { data, starts } of vocabulary.postings.segments) {
        if (term + 1 >= starts.length) continue;
        for (let i = starts[term] as number, end = starts[term + 1] as number; i < end; i++) {
          const posting = data[i] as number;
          if (posting & allowed) excluded[posting >>> 5] = 1;
        }
      }
    }
  }
  return excluded;
}
