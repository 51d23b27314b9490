/**
 * A loaded index's terms, hashed only when papers are added to it. Loading the real papers' index spent a
 * third of its time hashing 41,707 terms into the table a build looks tokens up in; a search looks up only a
 * few words a keystroke, and the saved terms are in code-unit order, so a binary search finds those.
 * Loading is the only way in (`serialize.ts`), so widgets, which never load an index, do not carry this.
 */
import { TermTable } from './term-table.js';

export class SavedTerms extends TermTable {
  /** The terms, taken as given (not copied): the ids are their places. */
  override readonly terms: string[];
  /** Are they waiting to be hashed (in code-unit order, found by binary search until then)? */
  #unhashed: boolean;

  /** `terms` must be distinct (as the saved forms check), and are the table's own from now on; unless `sorted`, they are hashed at once. */
  constructor(terms: string[], sorted: boolean) {
    super();
    this.terms = terms;
    this.#unhashed = true;
    if (!sorted) this.hashAll();
  }

  override get hashed(): boolean {
    return !this.#unhashed;
  }

  override idOf(term: string): number {
    if (!this.#unhashed) return super.idOf(term);
    const terms = this.terms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((terms[middle] as string) < term) low = middle + 1;
      else high = middle;
    }
    return terms[low] === term ? low : -1;
  }

  /** A build looks tokens up: every term must be in the table first. */
  override lookup(text: string, start: number, end: number, hash: number): number {
    this.hashAll();
    return super.lookup(text, start, end, hash);
  }

  override lookupBytes(bytes: Uint8Array, start: number, end: number, hash: number, length?: number): number {
    this.hashAll();
    return super.lookupBytes(bytes, start, end, hash, length);
  }

  /** Put every term in the table (once), each keeping its id. */
  hashAll(): void {
    if (!this.#unhashed) return;
    this.#unhashed = false;
    // Taken out and added again through `add`, in order, so each keeps its id.
    const terms = this.terms.splice(0);
    this.reserve(terms.length);
    for (const term of terms) super.add(term);
  }

  override add(token: string, hash?: number): number {
    this.hashAll();
    return super.add(token, hash);
  }
}
