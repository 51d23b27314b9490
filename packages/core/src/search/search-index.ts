/**
 * Search as you type over thousands of papers with long abstracts.
 *
 * Scanning every document per keystroke (what fuse.js does) costs time proportional to all the text: ~30 ms
 * a query at 1,000 papers, seconds at 10,000 with `ignoreLocation`. Instead the text is indexed once into an
 * inverted index (term → documents and the fields the term occurs in). A query is answered from the index:
 * each query word is expanded to the vocabulary terms it could mean — itself, the words it is a prefix of
 * (typing), and words within one or two typos — and documents are scored BM25-style with field weights;
 * then the best few are re-read to reward query words that stand next to each other, in order.
 *
 * The rooms, each in `search/`: `text.ts` (folding, tokens, hyphens), `query.ts` (the query language),
 * `vocabulary.ts` (terms, postings, and what a word expands to), `typos.ts` (edit distance and its filter),
 * `scoring.ts` (field norms, phrase runs, the best-k heap), `highlight.ts`, `filters.ts`, `serialize.ts`.
 */

import type { Paper } from '../model.js';
import { limitOf, type SearchFilter, type SearchSort, sortPapers, toPredicate } from './filters.js';
import { fieldValues, lazyHit, type SearchHit } from './highlight.js';
import { type ParsedQuery, parseSearchQuery, type QueryClause, type QueryField, scoredClauses } from './query.js';
import { FIELDS, fieldNorms, idf, popcount, type SearchField, TopScores } from './scoring.js';
import { type CheckedIndex, checkSerialized, type SerializedSearchIndex, serialize } from './serialize.js';
import { isAscii, plainTokens, STOP_WORDS, tokenSpans } from './text.js';
import { type Expansion, grow, Vocabulary } from './vocabulary.js';

/** Fields that are searched, with their default weights: title above keywords and authors above abstract. */
export const DEFAULT_FIELD_WEIGHTS = { title: 5, keywords: 2.5, authors: 2.5, summary: 1.2, abstract: 1 } as const;

const FIELD_BIT: Record<SearchField, number> = { title: 1, keywords: 2, authors: 4, summary: 8, abstract: 16 };
const ALL_FIELDS = 31;

export interface SearchIndexOptions {
  /** Relative weight of each field (defaults: title 5, keywords 2.5, authors 2.5, AI summary 1.2, abstract 1). */
  weights?: Partial<Record<SearchField, number>>;
  /** Allow typos: words of 4+ characters match with one edit, words of 8+ with two. Default true. */
  fuzzy?: boolean;
}

/** One page of results (`SearchIndex.searchPage`) and how many matches there are in all. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
}

export interface SearchOptions {
  /** At most this many hits (default 20; `Infinity` for all). NaN or a negative number counts as the default. */
  limit?: number;
  filter?: SearchFilter | ((paper: Paper) => boolean);
  /** `relevance` (default; for the empty query: the listing's own order), `upvotes` or `date` (newest first). */
  sort?: SearchSort;
}

/**
 * How much a run of query words next to each other, in order, multiplies a paper's score: a full run in the
 * title by `1 + TITLE_RUN`, in any other field by `1 + TEXT_RUN`, shorter runs in proportion. Without it, a
 * phrase remembered from an abstract lost to papers with the same common words scattered through their titles.
 */
const TITLE_RUN = 2.5;
const TEXT_RUN = 2.5;
/** Every query word somewhere in the title, not next to each other: a smaller reward than a run. */
const ALL_IN_TITLE = 0.5;
/** Candidates re-read for phrase runs: enough to lift a phrase from deep in the list, few enough to be cheap. */
const PHRASE_POOL = 120;
/** Field values whose token ids are kept for phrase runs (an abstract is about 300 ids). */
const TOKEN_CACHE_SIZE = 16_384;

/** Recent query words whose scored documents are kept (each at most a few bytes per matching paper). */
const WORD_SCORE_CACHE_SIZE = 12;

interface WordScores {
  docs: Int32Array;
  values: Float64Array;
  /** Field bits the word matched in, per document. */
  fields: Uint8Array;
}

/** One scored query word. */
interface QueryWord {
  word: string;
  /** Posting field bits it may match in. */
  fields: number;
  typing: boolean;
}

function fieldBits(field: QueryField | undefined): number {
  return field === undefined ? ALL_FIELDS : FIELD_BIT[field];
}

export class SearchIndex {
  readonly #papers: Paper[] = [];
  readonly #weights: Record<SearchField, number>;
  readonly #fuzzy: boolean;
  readonly #vocabulary: Vocabulary;
  /** Per document, per field: number of tokens (kept to recompute norms and to serialise). */
  #lengths = new Uint16Array(0);
  readonly #totalLength = new Float64Array(FIELDS.length);
  /** Per document, per field: the field's weight with BM25 length normalisation, recomputed after adds. */
  #norms = new Float32Array(0);
  #normsFor = -1;
  /** Scratch buffers reused across calls. */
  #scores = new Float64Array(0);
  #termScores = new Float64Array(0);
  #matched = new Uint32Array(0);
  #excluded = new Uint8Array(0);
  /** Per document while scoring: the fields one query word matched in, and those two or more did. */
  #fieldsOnce = new Uint8Array(0);
  #fieldsTwice = new Uint8Array(0);
  #wordFields = new Uint8Array(0);
  /**
   * Each recent query word's scored documents. Typing re-scores every earlier word at each keystroke; with
   * this only the word being typed is read from the postings. Cleared when papers are added.
   */
  readonly #wordScoreCache = new Map<string, WordScores>();
  #termMasks = new Int32Array(0);
  readonly #runLengths = new Int32Array(32);
  readonly #ids: number[] = [];
  /** Token ids of recently re-read field values, by `doc * 5 + field`. */
  readonly #tokenCache = new Map<number, Int32Array>();

  constructor(papers: readonly Paper[] = [], options: SearchIndexOptions = {}) {
    this.#weights = { ...DEFAULT_FIELD_WEIGHTS, ...options.weights };
    this.#fuzzy = options.fuzzy ?? true;
    this.#vocabulary = new Vocabulary(this.#fuzzy);
    this.add(papers);
  }

  /** How many papers are indexed. */
  get size(): number {
    return this.#papers.length;
  }

  /** The indexed papers, in the order they were added. */
  get papers(): readonly Paper[] {
    return this.#papers;
  }

  /** Index more papers without rebuilding what is there. */
  add(papers: readonly Paper[]): void {
    if (papers.length === 0) return;
    const vocabulary = this.#vocabulary;
    const first = this.#papers.length;
    this.#lengths = grow(this.#lengths, (first + papers.length) * FIELDS.length);
    const lengths = this.#lengths;
    const docTerms: number[] = [];
    for (let offset = 0; offset < papers.length; offset++) {
      const paper = papers[offset] as Paper;
      const doc = first + offset;
      this.#papers.push(paper);
      docTerms.length = 0;
      for (let fieldIndex = 0; fieldIndex < FIELDS.length; fieldIndex++) {
        const field = FIELDS[fieldIndex] as SearchField;
        const bit = FIELD_BIT[field];
        let count = 0;
        for (const value of fieldValues(paper, field)) {
          if (isAscii(value)) {
            count += vocabulary.scanAscii(value.toLowerCase(), doc, bit, docTerms);
            continue;
          }
          for (const span of tokenSpans(value)) {
            vocabulary.see(vocabulary.idOf(span.token) ?? vocabulary.newTerm(span.token), doc, bit, docTerms);
            if (!span.joined) count++;
          }
        }
        lengths[doc * FIELDS.length + fieldIndex] = Math.min(count, 65_535);
        this.#totalLength[fieldIndex] = (this.#totalLength[fieldIndex] as number) + count;
      }
      vocabulary.flush(doc, docTerms);
    }
    vocabulary.changed();
    this.#wordScoreCache.clear();
    this.#prepare();
  }

  /** Norms and scratch buffers made as part of building or loading, so that the first keystroke does not pay. */
  #prepare(): void {
    this.#ensureNorms();
    this.#ensureScratch();
  }

  #ensureNorms(): Float32Array {
    const docs = this.#papers.length;
    if (this.#normsFor === docs) return this.#norms;
    this.#norms = grow(this.#norms, docs * FIELDS.length);
    fieldNorms(this.#lengths, docs, this.#totalLength, this.#weights, this.#norms);
    this.#normsFor = docs;
    return this.#norms;
  }

  #ensureScratch(): void {
    const docs = this.#papers.length;
    if (this.#scores.length < docs) {
      this.#scores = new Float64Array(docs);
      this.#termScores = new Float64Array(docs);
      this.#matched = new Uint32Array(docs);
      this.#excluded = new Uint8Array(docs);
      this.#fieldsOnce = new Uint8Array(docs);
      this.#fieldsTwice = new Uint8Array(docs);
      this.#wordFields = new Uint8Array(docs);
    }
    if (this.#termMasks.length < this.#vocabulary.terms.length) {
      this.#termMasks = new Int32Array(Math.max(this.#vocabulary.terms.length, this.#termMasks.length * 2));
    }
  }

  /**
   * Search the index. An empty query returns the papers in the listing's own order (or the chosen sort),
   * filtered. Words match in any order; every word is a prefix of what is being typed; typos are forgiven;
   * words next to each other in a paper, in the query's order, count for more. The query language
   * (`"a phrase"`, `-word`, `title:`, `author:`, `abstract:`, `keyword:`, `summary:`) is described at
   * `parseSearchQuery`.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.#run(query, options, false).hits;
  }

  /**
   * One page of results and how many there are in all, as a paged list shows them ("20 of 312 papers"):
   * the same hits as `search`, without ranking and wrapping every match as `limit: Infinity` would.
   */
  searchPage(query: string, options: SearchOptions = {}): SearchPage {
    return this.#run(query, options, true);
  }

  /** `search`, and with `countAll` the number of all matches (`total` is the hits' count without it). */
  #run(query: string, options: SearchOptions, countAll: boolean): SearchPage {
    const limit = limitOf(options.limit);
    const accept = toPredicate(options.filter);
    const parsed = parseSearchQuery(query);
    this.#ensureScratch();
    const excluded = this.#markExcluded(parsed);
    const clauses = scoredClauses(parsed);
    const words = queryWords(clauses, parsed);
    const keepDoc = (doc: number): boolean => !excluded[doc] && accept(this.#papers[doc] as Paper);
    if (words.length === 0) {
      let papers = this.#papers.filter((_, doc) => keepDoc(doc));
      if (options.sort === 'upvotes' || options.sort === 'date') papers = sortPapers(papers, options.sort);
      this.#excluded.fill(0);
      return { hits: papers.slice(0, limit).map((paper) => ({ paper, score: 0, matches: [] })), total: papers.length };
    }

    const vocabulary = this.#vocabulary;
    const scores = this.#scores;
    const matched = this.#matched;
    const touched: number[] = [];
    const expansionsByWord = words.map(({ word, typing }) => vocabulary.expand(word, typing));

    const fieldsOnce = this.#fieldsOnce;
    const fieldsTwice = this.#fieldsTwice;
    expansionsByWord.forEach((expansions, wordIndex) => {
      const scored = this.#wordScores(words[wordIndex] as QueryWord, expansions);
      const bit = 1 << Math.min(wordIndex, 31);
      const { docs: wordDocs, values, fields } = scored;
      for (let k = 0; k < wordDocs.length; k++) {
        const doc = wordDocs[k] as number;
        if (matched[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (values[k] as number);
        matched[doc] = (matched[doc] as number) | bit;
        // Fields where two query words meet: the only ones a run of them can be read from.
        const field = fields[k] as number;
        fieldsTwice[doc] = (fieldsTwice[doc] as number) | ((fieldsOnce[doc] as number) & field);
        fieldsOnce[doc] = (fieldsOnce[doc] as number) | field;
      }
    });

    // Quoted phrases must stand as written; other words only count for more when they do.
    this.#setTermMasks(expansionsByWord);
    const required = requiredPhrases(clauses, words);
    const excludedPhrases = parsed.clauses.filter((item) => item.exclude && item.phrase);

    // Sorting by upvotes or date needs every relevant result; relevance needs only the best few, kept in a
    // bounded heap instead of sorting tens of thousands of weak matches.
    const bySort = options.sort === 'upvotes' || options.sort === 'date';
    const keep = bySort ? Number.POSITIVE_INFINITY : Math.max(limit * 3, PHRASE_POOL);
    const best = new TopScores(keep);
    let total = 0;
    for (const doc of touched) {
      const covered = popcount(matched[doc] as number);
      // Documents matching every word come first; partial matches still show, scaled down.
      const coverage = covered / words.length;
      const score = (scores[doc] as number) * coverage * coverage * (covered === words.length ? 2 : 1);
      const all = matched[doc] as number;
      scores[doc] = 0;
      matched[doc] = 0;
      fieldsOnce[doc] = 0;
      // A paper that cannot enter the results is checked no further, unless every match is being counted.
      const accepted = best.accepts(score);
      if ((!accepted && !countAll) || !keepDoc(doc)) continue;
      if (
        required.length > 0 &&
        !required.every((phrase) => (all & phrase.bits) === phrase.bits && this.#hasRun(doc, phrase, fieldsTwice))
      ) {
        continue;
      }
      if (excludedPhrases.some((phrase) => this.#hasExactPhrase(doc, phrase))) continue;
      total++;
      if (accepted) best.push(doc, score);
    }
    this.#excluded.fill(0);
    const candidates = best.sorted();
    if (words.length > 1) this.#rewardRuns(candidates, words.length, PHRASE_POOL, limit, bySort);
    for (const doc of touched) fieldsTwice[doc] = 0;
    this.#clearTermMasks(expansionsByWord);
    let ranked = candidates.map(({ doc, score }) => ({ paper: this.#papers[doc] as Paper, score }));
    if (bySort) {
      // Sorting by upvotes or date applies to the relevant results, not to every weak partial match.
      const top = ranked[0]?.score ?? 0;
      ranked = ranked.filter((hit) => hit.score >= top * 0.05);
      const order = new Map(
        sortPapers(
          ranked.map((hit) => hit.paper),
          options.sort as 'upvotes' | 'date',
        ).map((paper, at) => [paper, at]),
      );
      ranked.sort((a, b) => (order.get(a.paper) as number) - (order.get(b.paper) as number));
    }
    const highlightTerms = this.#highlightTerms(expansionsByWord, words);
    const hits = ranked.slice(0, limit).map(({ paper, score }) => lazyHit(paper, score, highlightTerms));
    // Sorting keeps every match, then drops the weakest: what is left is the total.
    return { hits, total: bySort ? ranked.length : countAll ? total : hits.length };
  }

  /**
   * The documents a query word matches, each with its score (its best expansion, weighted by field) and the
   * fields it matched in.
   */
  #wordScores(queryWord: QueryWord, expansions: Expansion[]): WordScores {
    const key = `${queryWord.fields}\u0000${queryWord.typing ? 1 : 0}\u0000${queryWord.word}`;
    const cached = this.#wordScoreCache.get(key);
    if (cached) {
      this.#wordScoreCache.delete(key);
      this.#wordScoreCache.set(key, cached);
      return cached;
    }
    const { fields: allowed, typing } = queryWord;
    const vocabulary = this.#vocabulary;
    const norms = this.#ensureNorms();
    const termScores = this.#termScores;
    const wordFields = this.#wordFields;
    const wordTouched: number[] = [];
    const boosts = boostsOf(expansions, typing, this.#papers.length, vocabulary);
    for (let at = 0; at < expansions.length; at++) {
      const list = vocabulary.postings[(expansions[at] as Expansion).term];
      if (!list) continue;
      const boost = boosts[at] as number;
      const data = list.data;
      for (let i = 0; i < list.length; i++) {
        const posting = data[i] as number;
        const mask = posting & allowed;
        if (mask === 0) continue;
        const doc = posting >>> 5;
        const base = doc * 5;
        // Unrolled over the five fields of FIELDS, in order.
        let fields = 0;
        if (mask & 1) fields += norms[base] as number;
        if (mask & 2) fields += norms[base + 1] as number;
        if (mask & 4) fields += norms[base + 2] as number;
        if (mask & 8) fields += norms[base + 3] as number;
        if (mask & 16) fields += norms[base + 4] as number;
        const value = boost * fields;
        // A document scores each query word once, by its best expansion.
        if (termScores[doc] === 0) wordTouched.push(doc);
        if (value > (termScores[doc] as number)) termScores[doc] = value;
        wordFields[doc] = (wordFields[doc] as number) | mask;
      }
    }
    const count = wordTouched.length;
    const scored: WordScores = {
      docs: new Int32Array(count),
      values: new Float64Array(count),
      fields: new Uint8Array(count),
    };
    for (let k = 0; k < count; k++) {
      const doc = wordTouched[k] as number;
      scored.docs[k] = doc;
      scored.values[k] = termScores[doc] as number;
      scored.fields[k] = wordFields[doc] as number;
      termScores[doc] = 0;
      wordFields[doc] = 0;
    }
    if (this.#wordScoreCache.size >= WORD_SCORE_CACHE_SIZE) {
      // The oldest entry goes (a Map iterates in insertion order; a hit re-inserts its key).
      this.#wordScoreCache.delete(this.#wordScoreCache.keys().next().value as string);
    }
    this.#wordScoreCache.set(key, scored);
    return scored;
  }

  /** Mark the documents an exclusion (`-word`, `-title:word`) leaves out; phrases are checked per document. */
  #markExcluded(parsed: ParsedQuery): Uint8Array {
    const excluded = this.#excluded;
    for (const clause of parsed.clauses) {
      if (!clause.exclude || clause.phrase) continue;
      const allowed = fieldBits(clause.field);
      for (const word of clause.words) {
        const term = this.#vocabulary.idOf(word);
        const list = term === undefined ? undefined : this.#vocabulary.postings[term];
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const posting = list.data[i] as number;
          if (posting & allowed) excluded[posting >>> 5] = 1;
        }
      }
    }
    return excluded;
  }

  /**
   * Per vocabulary term, which query words it may be (bit `j` for word `j`), for reading phrase runs; stop
   * words that are not query words are `-1` (transparent). Cleared by `#clearTermMasks`.
   */
  #setTermMasks(expansionsByWord: Expansion[][]): void {
    const masks = this.#termMasks;
    for (const word of STOP_WORDS) {
      const id = this.#vocabulary.idOf(word);
      if (id !== undefined) masks[id] = -1;
    }
    expansionsByWord.forEach((expansions, wordIndex) => {
      for (const { term } of expansions) {
        masks[term] = ((masks[term] as number) === -1 ? 0 : (masks[term] as number)) | (1 << wordIndex);
      }
    });
  }

  #clearTermMasks(expansionsByWord: Expansion[][]): void {
    const masks = this.#termMasks;
    for (const word of STOP_WORDS) {
      const id = this.#vocabulary.idOf(word);
      if (id !== undefined) masks[id] = 0;
    }
    for (const expansions of expansionsByWord) for (const { term } of expansions) masks[term] = 0;
  }

  /**
   * The token ids of one field of a document, each field value opened by `-2`: what phrase runs are read
   * from. Cached, because typing re-reads the same few candidates at every keystroke (a bounded cache).
   */
  #fieldTokens(doc: number, fieldIndex: number): Int32Array {
    const key = doc * FIELDS.length + fieldIndex;
    const cached = this.#tokenCache.get(key);
    if (cached) return cached;
    const paper = this.#papers[doc] as Paper;
    const ids: number[] = [];
    const vocabulary = this.#vocabulary;
    for (const value of fieldValues(paper, FIELDS[fieldIndex] as SearchField)) {
      ids.push(-2);
      if (isAscii(value)) {
        for (const id of vocabulary.idsOfAscii(value.toLowerCase(), this.#ids)) ids.push(id);
      } else {
        for (const token of plainTokens(value)) ids.push(vocabulary.idOf(token) ?? -1);
      }
    }
    const tokens = Int32Array.from(ids);
    if (this.#tokenCache.size >= TOKEN_CACHE_SIZE) this.#tokenCache.clear();
    this.#tokenCache.set(key, tokens);
    return tokens;
  }

  /**
   * The longest run of query words `shift`…`shift + count - 1`, next to each other and in order, in each
   * field value of the allowed fields of a document: the best factor it earns (`bonus` per field), or with
   * `bonus` undefined the longest run itself.
   */
  #runs(doc: number, allowed: number, count: number, shift: number, bonus?: (field: number) => number): number {
    const masks = this.#termMasks;
    const runs = this.#runLengths;
    let best = bonus ? 1 : 0;
    const every = count >= 31 ? -1 : (1 << count) - 1;
    for (let field = 0; field < FIELDS.length; field++) {
      if (!(allowed & (1 << field))) continue;
      const tokens = this.#fieldTokens(doc, field);
      let longest = 0;
      // Which query words the field value holds at all: every one of them in one title is proximity too.
      let seen = 0;
      let open = false;
      for (let i = 0; i <= tokens.length; i++) {
        const id = i < tokens.length ? (tokens[i] as number) : -2;
        if (id === -2) {
          if (i > 0) {
            if (!bonus) best = Math.max(best, longest);
            else {
              if (longest >= 2) best = Math.max(best, 1 + (bonus(field) * (longest - 1)) / (count - 1));
              if (field === 0 && (seen & every) === every) best = Math.max(best, 1 + ALL_IN_TITLE);
            }
          }
          longest = 0;
          seen = 0;
          runs.fill(0, 0, count);
          open = false;
          continue;
        }
        const raw = id === -1 ? 0 : (masks[id] as number);
        if (raw === -1) continue; // a stop word: transparent
        const mask = raw >>> shift;
        if (mask === 0) {
          // Most tokens are no query word: they end any run, and cost nothing more when none is open.
          if (open) {
            runs.fill(0, 0, count);
            open = false;
          }
          continue;
        }
        open = true;
        seen |= mask;
        for (let j = count - 1; j >= 0; j--) {
          if (mask & (1 << j)) {
            const run = j > 0 ? (runs[j - 1] as number) + 1 : 1;
            runs[j] = run;
            if (run > longest) longest = run;
          } else runs[j] = 0;
        }
      }
    }
    return best;
  }

  /**
   * Does the document hold a quoted phrase's words next to each other? Only fields where two query words
   * meet are read (`meeting`); a phrase of one scored word (`"the model"`) needs only that word.
   */
  #hasRun(doc: number, phrase: { from: number; count: number; fields: number }, meeting: Uint8Array): boolean {
    if (phrase.count === 1) return true;
    const fields = phrase.fields & (meeting[doc] as number);
    return fields !== 0 && this.#runs(doc, fields, phrase.count, phrase.from) >= phrase.count;
  }

  /** Does the document hold an excluded phrase's words next to each other, exactly as written? */
  #hasExactPhrase(doc: number, clause: QueryClause): boolean {
    const wanted = clause.words.filter((word) => !STOP_WORDS.has(word));
    if (wanted.length === 0) return false;
    const paper = this.#papers[doc] as Paper;
    for (const field of FIELDS) {
      if (!(fieldBits(clause.field) & FIELD_BIT[field])) continue;
      for (const value of fieldValues(paper, field)) {
        const tokens = plainTokens(value).filter((token) => !STOP_WORDS.has(token));
        for (let start = 0; start + wanted.length <= tokens.length; start++) {
          if (wanted.every((word, at) => tokens[start + at] === word)) return true;
        }
      }
    }
    return false;
  }

  /**
   * Among the best candidates, reward query words that stand next to each other, in order, in one field.
   * Only fields where two query words meet are read. For relevance order, candidates are taken best first,
   * and the reading stops once a candidate could not reach the top `limit` even with the largest reward:
   * what follows keeps its score and cannot change the hits returned.
   */
  #rewardRuns(
    candidates: { doc: number; score: number }[],
    count: number,
    pool: number,
    limit: number,
    bySort: boolean,
  ): void {
    const head = candidates.slice(0, pool);
    const bonus = (field: number): number => (field === 0 ? TITLE_RUN : TEXT_RUN);
    const largest = 1 + Math.max(TITLE_RUN, TEXT_RUN, ALL_IN_TITLE);
    const top = new TopScores(bySort ? 0 : limit);
    let read = 0;
    for (; read < head.length; read++) {
      const candidate = head[read] as { doc: number; score: number };
      if (!bySort && top.full() && candidate.score * largest < top.lowest()) break;
      const fields = this.#fieldsTwice[candidate.doc] as number;
      if (fields !== 0) candidate.score *= this.#runs(candidate.doc, fields, count, 0, bonus);
      if (!bySort) top.push(candidate.doc, candidate.score);
    }
    // The unread rest kept its score, below every rewarded hit that can be returned: one sort orders all.
    head.sort((a, b) => b.score - a.score || a.doc - b.doc);
    candidates.splice(0, head.length, ...head);
  }

  #highlightTerms(expansionsByWord: Expansion[][], words: QueryWord[]): Map<string, number> {
    // term → how many leading characters to highlight (Infinity: the whole token).
    const out = new Map<string, number>();
    expansionsByWord.forEach((expansions, index) => {
      for (const { term, prefix } of expansions) {
        const text = this.#vocabulary.terms[term] as string;
        const length = prefix ?? Number.POSITIVE_INFINITY;
        out.set(text, Math.max(out.get(text) ?? 0, length));
      }
      const word = (words[index] as QueryWord).word;
      if (!out.has(word)) out.set(word, Number.POSITIVE_INFINITY);
    });
    return out;
  }

  /** A plain-JSON form of the index; `loadSearchIndex(data, papers)` restores it without re-tokenising. */
  toJSON(): SerializedSearchIndex {
    return serialize({
      weights: this.#weights,
      fuzzy: this.#fuzzy,
      papers: this.#papers,
      terms: this.#vocabulary.terms,
      postings: this.#vocabulary.postings,
      order: this.#vocabulary.sortedIds(),
      lengths: this.#lengths,
    });
  }

  /**
   * @hidden Restore from `toJSON()` output that `checkSerialized` has vouched for. The checking lives in
   * `loadSearchIndex`, so bundles that never load a saved index (the widgets) do not carry it.
   */
  static fromChecked(checked: CheckedIndex, papers: readonly Paper[]): SearchIndex {
    const index = new SearchIndex([], { weights: checked.weights, fuzzy: checked.fuzzy });
    index.#papers.push(...papers);
    index.#lengths = checked.lengths;
    for (let doc = 0; doc < papers.length; doc++) {
      for (let field = 0; field < FIELDS.length; field++) {
        index.#totalLength[field] =
          (index.#totalLength[field] as number) + (index.#lengths[doc * FIELDS.length + field] as number);
      }
    }
    let at = 0;
    const vocabulary = index.#vocabulary;
    vocabulary.reserve(checked.terms.length);
    checked.terms.forEach((term, id) => {
      const count = checked.counts[id] as number;
      const list = vocabulary.postings[vocabulary.newTerm(term)];
      if (list) {
        // Views into the one decoded array: loading copies no postings.
        list.data = checked.postings.subarray(at, at + count);
        list.length = count;
      }
      at += count;
    });
    vocabulary.changed();
    index.#prepare();
    return index;
  }
}

/**
 * The scored words of the clauses, in query order. A repeated word stays repeated (`cache to cache` is two
 * words for phrase runs; the title `Cache-to-Cache` then runs the whole query).
 */
function queryWords(clauses: QueryClause[], parsed: ParsedQuery): QueryWord[] {
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

/** Quoted phrases as runs of scored words: which words (bits), from which index, how many, in which fields. */
function requiredPhrases(
  clauses: QueryClause[],
  words: QueryWord[],
): { bits: number; from: number; count: number; fields: number }[] {
  const out: { bits: number; from: number; count: number; fields: number }[] = [];
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
 * How much each expansion of one word counts (its weight times its rarity). An expansion never counts as
 * rarer than the word typed when that word exists: a rare near-spelling (`dllms`) must not outscore the
 * common exact word (`llms`). The word being typed is one guess whatever it becomes: every completion
 * shares the rarity of all of them together, so a rare whole word (`ref`) does not bury the common word
 * being typed (`reference`).
 */
function boostsOf(expansions: Expansion[], typing: boolean, docs: number, vocabulary: Vocabulary): number[] {
  const exact = expansions.find((expansion) => expansion.kind === 'exact');
  if (typing && expansions.length > 1) {
    let total = 0;
    for (const { term } of expansions) total += vocabulary.documentCount(term);
    const shared = idf(docs, Math.min(docs, total));
    return expansions.map(({ weight }) => weight * shared);
  }
  const ceiling = exact === undefined ? Number.POSITIVE_INFINITY : idf(docs, vocabulary.documentCount(exact.term));
  return expansions.map(({ term, weight }) => weight * Math.min(idf(docs, vocabulary.documentCount(term)), ceiling));
}

/** Build a search index over papers (synchronously; ~0.3 s for 10,000 papers with long abstracts). */
export function createSearchIndex(papers: readonly Paper[], options?: SearchIndexOptions): SearchIndex {
  return new SearchIndex(papers, options);
}

/**
 * Load an index saved with `index.toJSON()`; `papers` must be the same papers in the same order. The data is
 * checked whole (shape, version, counts, bounds, the papers' ids) before use, so a tampered or truncated
 * index fails with `SearchIndexFormatError` instead of wrong results or a crash.
 */
export function loadSearchIndex(data: SerializedSearchIndex, papers: readonly Paper[]): SearchIndex {
  // Throws `SearchIndexFormatError` for anything but a sound index of exactly these papers.
  return SearchIndex.fromChecked(checkSerialized(data, papers), papers);
}
