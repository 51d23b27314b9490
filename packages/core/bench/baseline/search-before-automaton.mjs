// src/search/filters.ts
function dateOf(paper) {
  return paper.publishedAt ?? paper.featuredAt ?? "";
}
function sortPapers(papers, sort) {
  const copy = [...papers];
  if (sort === "upvotes") copy.sort((a, b) => (b.metrics.upvotes ?? -1) - (a.metrics.upvotes ?? -1));
  else copy.sort((a, b) => dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : 0);
  return copy;
}
function limitOf(limit) {
  if (typeof limit !== "number" || Number.isNaN(limit) || limit < 0) return 20;
  return limit === Number.POSITIVE_INFINITY ? limit : Math.floor(limit);
}
function dayOf(value) {
  if (typeof value === "string") return value.slice(0, 10);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return void 0;
}
function toPredicate(filter) {
  if (filter === void 0) return () => true;
  if (typeof filter === "function") return filter;
  const sources = filter.source === void 0 ? void 0 : new Set([filter.source].flat());
  const from = dayOf(filter.from);
  const to = dayOf(filter.to);
  const minUpvotes = typeof filter.minUpvotes === "number" && !Number.isNaN(filter.minUpvotes) ? filter.minUpvotes : void 0;
  return (paper) => {
    if (filter.hasCode && !paper.links.code) return false;
    if (minUpvotes !== void 0 && (paper.metrics.upvotes ?? 0) < minUpvotes) return false;
    if (sources && !sources.has(paper.source)) return false;
    if (from !== void 0 || to !== void 0) {
      const day = dateOf(paper).slice(0, 10);
      if (day === "") return false;
      if (from !== void 0 && day < from) return false;
      if (to !== void 0 && day > to) return false;
    }
    return true;
  };
}

// src/search/scoring.ts
var FIELDS = ["title", "keywords", "authors", "summary", "abstract"];
var LENGTH_EFFECT = {
  title: 0.75,
  keywords: 0,
  authors: 0,
  summary: 0.75,
  abstract: 0.75
};
function fieldNorms(lengths, docs, totals, weights, into) {
  const averages = FIELDS.map((_, index) => totals[index] / docs || 1);
  const factors = FIELDS.map((field) => weights[field] * 2.2);
  const bs = FIELDS.map((field) => LENGTH_EFFECT[field]);
  for (let doc = 0; doc < docs; doc++) {
    for (let field = 0; field < FIELDS.length; field++) {
      const length = lengths[doc * FIELDS.length + field];
      const b = bs[field];
      into[doc * FIELDS.length + field] = factors[field] / (1 + 1.2 * (1 - b + b * length / averages[field]));
    }
  }
}
function idf(docs, count) {
  return Math.log(1 + (docs - count + 0.5) / (count + 0.5));
}
var TopScores = class {
  #capacity;
  #docs = [];
  #scores = [];
  constructor(capacity) {
    this.#capacity = capacity;
  }
  #worse(i, j) {
    const a = this.#scores[i];
    const b = this.#scores[j];
    return a < b || a === b && this.#docs[i] > this.#docs[j];
  }
  #swap(i, j) {
    [this.#docs[i], this.#docs[j]] = [this.#docs[j], this.#docs[i]];
    [this.#scores[i], this.#scores[j]] = [this.#scores[j], this.#scores[i]];
  }
  /** Could a document with this score enter? (Cheap check before running filters.) */
  accepts(score) {
    return this.#docs.length < this.#capacity || score >= this.#scores[0];
  }
  push(doc, score) {
    if (this.#docs.length < this.#capacity) {
      this.#docs.push(doc);
      this.#scores.push(score);
      for (let i = this.#docs.length - 1; i > 0; ) {
        const parent = i - 1 >> 1;
        if (!this.#worse(i, parent)) break;
        this.#swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.#scores[0];
    if (score < rootScore || score === rootScore && doc > this.#docs[0]) return;
    this.#docs[0] = doc;
    this.#scores[0] = score;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.#docs.length && this.#worse(left, smallest)) smallest = left;
      if (right < this.#docs.length && this.#worse(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.#swap(i, smallest);
      i = smallest;
    }
  }
  /** Best first. */
  sorted() {
    return this.#docs.map((doc, i) => ({ doc, score: this.#scores[i] })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
};
function popcount(value) {
  let count = 0;
  let rest = value;
  while (rest) {
    rest &= rest - 1;
    count++;
  }
  return count;
}

// src/search/text.ts
var ASCII = /^[\x00-\x7f]*$/;
var UNICODE_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
var MARKS = /\p{M}+/gu;
var MAX_JOINED_LENGTH = 40;
function isAscii(text) {
  return ASCII.test(text);
}
function foldToken(token) {
  if (ASCII.test(token)) return token.toLowerCase();
  return token.normalize("NFKD").replace(MARKS, "").toLowerCase();
}
var isHyphen = (char) => char === "-" || char === "\u2010" || char === "\u2011";
function tokenSpans(text) {
  const out = [];
  const ascii = ASCII.test(text);
  const source = ascii ? text.toLowerCase() : text;
  let chain = [];
  const endChain = () => {
    if (chain.length >= 2) {
      const token = chain.map((part) => part.token).join("");
      if (token.length <= MAX_JOINED_LENGTH) {
        out.push({
          token,
          start: chain[0].start,
          end: chain[chain.length - 1].end,
          joined: true
        });
      }
    }
    chain = [];
  };
  for (const match of source.matchAll(UNICODE_TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const previous = chain[chain.length - 1];
    if (previous && !(previous.end + 1 === start && isHyphen(text[previous.end]))) endChain();
    const pieces = ascii ? [match[0]] : foldToken(match[0]).match(UNICODE_TOKEN) ?? [];
    for (const token of pieces) out.push({ token, start, end });
    if (pieces.length === 1) chain.push({ token: pieces[0], start, end });
    else endChain();
  }
  endChain();
  return out;
}
function plainTokens(text) {
  return tokenSpans(text).filter((span) => !span.joined).map((span) => span.token);
}
var STOP_WORDS = new Set(
  "a an and are as at be by can do for from has have how in into is it its of on or our that the their this to via vs was we what when which with without".split(
    " "
  )
);
var FNV_OFFSET = 2166136261 | 0;
var FNV_PRIME = 16777619;
function hashOf(term) {
  let hash = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), FNV_PRIME);
  return hash;
}

// src/search/highlight.ts
function fieldValues(paper, field) {
  switch (field) {
    case "title":
      return [paper.title];
    case "abstract":
      return paper.abstract ? [paper.abstract] : [];
    case "summary":
      return paper.aiSummary ? [paper.aiSummary] : [];
    case "keywords":
      return paper.keywords ?? [];
    case "authors":
      return paper.authors?.map((author) => author.name) ?? [];
  }
}
function lazyHit(paper, score, terms) {
  let matches;
  return {
    paper,
    score,
    get matches() {
      matches ??= highlight(paper, terms);
      return matches;
    }
  };
}
function highlight(paper, terms) {
  const matches = [];
  for (const field of FIELDS) {
    fieldValues(paper, field).forEach((value, index) => {
      const ranges = [];
      for (const { token, start, end } of tokenSpans(value)) {
        const length = terms.get(token);
        if (length === void 0) continue;
        const folded = foldToken(value.slice(start, end));
        const cut = Number.isFinite(length) && folded.length === end - start ? Math.min(end, start + length) : end;
        ranges.push([start, cut]);
      }
      if (ranges.length === 0) return;
      ranges.sort((a, b) => a[0] - b[0]);
      const merged = [];
      for (const range of ranges) {
        const previous = merged[merged.length - 1];
        if (previous && range[0] < previous[1]) previous[1] = Math.max(previous[1], range[1]);
        else merged.push(range);
      }
      const match = { field, value, ranges: merged };
      if (field === "authors" || field === "keywords") match.index = index;
      matches.push(match);
    });
  }
  return matches;
}

// src/search/query.ts
var FIELD_NAMES = {
  title: "title",
  author: "authors",
  authors: "authors",
  abstract: "abstract",
  keyword: "keywords",
  keywords: "keywords",
  summary: "summary"
};
function parseSearchQuery(query) {
  const clauses = [];
  let i = 0;
  let openQuote = false;
  const length = query.length;
  while (i < length) {
    while (i < length && /\s/.test(query[i])) i++;
    if (i >= length) break;
    let exclude = false;
    let field;
    if (query[i] === "-" && i + 1 < length && /[\p{L}\p{N}"]/u.test(query[i + 1])) {
      exclude = true;
      i++;
    }
    const prefix = /^([a-z]+):(?=[\p{L}\p{N}"])/iu.exec(query.slice(i, i + 12));
    const named = prefix ? FIELD_NAMES[prefix[1].toLowerCase()] : void 0;
    if (prefix && named) {
      field = named;
      i += prefix[0].length;
    }
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      const end2 = close === -1 ? length : close;
      if (close === -1) openQuote = true;
      const words = phraseWords(query.slice(i + 1, end2));
      if (words.length > 0) clauses.push(clause(words, words.length > 1, exclude, field));
      i = end2 + 1;
      continue;
    }
    let end = i;
    while (end < length && !/\s/.test(query[end]) && query[end] !== '"') end++;
    for (const words of itemWords(query.slice(i, end))) clauses.push(clause(words, false, exclude, field));
    i = end;
  }
  const typingLast = openQuote || /[\p{L}\p{N}\p{M}]$/u.test(query);
  return { clauses, typingLast };
}
function clause(words, phrase, exclude, field) {
  return field === void 0 ? { words, phrase, exclude } : { words, phrase, exclude, field };
}
function phraseWords(text) {
  return tokenSpans(text).filter((span) => !span.joined).map((span) => span.token);
}
function itemWords(item) {
  const spans = tokenSpans(item);
  const out = [];
  for (let at = 0; at < spans.length; at++) {
    const span = spans[at];
    if (span.joined) continue;
    const joined = spans.slice(at).find((later) => later.joined && later.start === span.start);
    if (joined) {
      out.push([joined.token]);
      at = spans.indexOf(joined);
      continue;
    }
    out.push([span.token]);
  }
  return out;
}
function scoredClauses(parsed) {
  const positive = parsed.clauses.filter((item) => !item.exclude);
  const last = positive[positive.length - 1];
  const meaningful = positive.map((item) => {
    if (item.phrase) return item;
    const keep = item.words.filter(
      (word) => !STOP_WORDS.has(word) || parsed.typingLast && item === last && word === item.words[item.words.length - 1]
    );
    return keep.length === item.words.length ? item : { ...item, words: keep };
  }).filter((item) => item.words.length > 0);
  return meaningful.length > 0 ? meaningful : positive;
}

// src/errors.ts
var ERROR_BRAND = /* @__PURE__ */ Symbol.for("papertrend.error");
var REQUEST_ERROR_BRAND = /* @__PURE__ */ Symbol.for("papertrend.request-error");
var PapertrendError = class extends Error {
  name = "PapertrendError";
  [ERROR_BRAND] = true;
};
var SearchIndexFormatError = class extends PapertrendError {
  name = "SearchIndexFormatError";
  constructor(problem) {
    super(`Cannot load this search index: ${problem}.`);
  }
};
function hasName(error, name) {
  return error instanceof Error && error.name === name;
}
function guardFor(type, name) {
  return (error) => error instanceof type || hasName(error, name);
}
function describeRequest(request) {
  return `[${request.method}] "${request.url}"`;
}
var RequestError = class extends PapertrendError {
  name = "RequestError";
  [REQUEST_ERROR_BRAND] = true;
  request;
  /** `detail` follows the request in the message: `[GET] "https://…": <detail>`. */
  constructor(request, detail, options) {
    super(`${describeRequest(request)}: ${detail}`, options);
    this.request = request;
  }
};
var isSearchIndexFormatError = /* @__PURE__ */ guardFor(
  SearchIndexFormatError,
  "SearchIndexFormatError"
);

// src/search/serialize.ts
function serialize(parts) {
  const counts = parts.postings.map((list) => list.length);
  const all = new Int32Array(counts.reduce((sum, count) => sum + count, 0));
  let at = 0;
  for (const list of parts.postings) {
    all.set(list.data.subarray(0, list.length), at);
    at += list.length;
  }
  return {
    format: "papertrend-search-index",
    version: 1,
    options: { weights: { ...parts.weights }, fuzzy: parts.fuzzy },
    ids: parts.papers.map((paper) => paper.id),
    terms: [...parts.terms],
    counts,
    postings: toBase64(new Uint8Array(all.buffer)),
    lengths: toBase64(new Uint8Array(parts.lengths.buffer, 0, parts.papers.length * FIELDS.length * 2))
  };
}
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function checkSerialized(data, papers) {
  const fail = (problem) => {
    throw new SearchIndexFormatError(problem);
  };
  if (!isObject(data) || data.format !== "papertrend-search-index") {
    fail('it is not a papertrend search index (expected format "papertrend-search-index")');
  }
  const index = data;
  if (index.version !== 1) fail(`version ${JSON.stringify(index.version)} is not supported (expected 1)`);
  const options = isObject(index.options) ? index.options : fail('"options" is missing');
  const rawWeights = isObject(options.weights) ? options.weights : fail('"options.weights" is missing');
  const weights = {};
  for (const field of FIELDS) {
    const weight = rawWeights[field];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      fail(`the weight of "${field}" is not a non-negative number`);
    }
    weights[field] = weight;
  }
  if (typeof options.fuzzy !== "boolean") fail('"options.fuzzy" is not a boolean');
  const { ids, terms, counts } = index;
  if (!Array.isArray(ids) || ids.length !== papers.length || ids.some((id, at2) => papers[at2]?.id !== id)) {
    fail("the papers given are not the ones it was built from (same papers, same order)");
  }
  if (!Array.isArray(terms) || !Array.isArray(counts) || terms.length !== counts.length) {
    fail('"terms" and "counts" are not two arrays of one length');
  }
  const termList = terms;
  const seen = /* @__PURE__ */ new Set();
  for (const term of termList) {
    if (typeof term !== "string" || term === "" || term.length > 1e3 || seen.has(term)) {
      fail(`the term ${JSON.stringify(String(term).slice(0, 40))} is empty, too long, repeated or not a string`);
    }
    seen.add(term);
  }
  let total = 0;
  for (const count of counts) {
    if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
      fail("a posting count is not a whole number \u2265 0");
    }
    total += count;
  }
  const postingBytes = decodeBase64(index.postings, "postings");
  if (postingBytes.length !== total * 4) {
    fail(`the postings hold ${Math.floor(postingBytes.length / 4)} entries, the counts promise ${total}`);
  }
  const postings = new Int32Array(postingBytes.buffer, 0, total);
  const fieldMasks = 1 << FIELDS.length;
  let at = 0;
  for (const count of counts) {
    let previous = -1;
    for (let end = at + count; at < end; at++) {
      const value = postings[at];
      const doc = value >> 5;
      const mask = value & 31;
      if (value < 0 || doc >= papers.length || doc <= previous || mask === 0 || mask >= fieldMasks) {
        fail(`posting ${at} points outside the ${papers.length} papers or at no field`);
      }
      previous = doc;
    }
  }
  const lengthBytes = decodeBase64(index.lengths, "lengths");
  if (lengthBytes.length !== papers.length * FIELDS.length * 2) {
    fail(`"lengths" holds ${lengthBytes.length} bytes, expected ${papers.length * FIELDS.length * 2}`);
  }
  return {
    weights,
    fuzzy: options.fuzzy,
    terms: termList,
    counts,
    postings,
    lengths: new Uint16Array(lengthBytes.buffer, 0, papers.length * FIELDS.length)
  };
}
function decodeBase64(value, name) {
  if (typeof value !== "string") throw new SearchIndexFormatError(`"${name}" is not a base64 string`);
  try {
    return fromBase64(value);
  } catch {
    throw new SearchIndexFormatError(`"${name}" is not valid base64`);
  }
}
function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 32768) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
  }
  return btoa(binary);
}
function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// src/search/typos.ts
function boundedEditDistance(a, b, max) {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  let previous2 = new Array(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (ai === bj ? 0 : 1)
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[n];
}
function allowedTypos(length) {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
function bigramsOf(word) {
  const out = [];
  for (let i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}
function sharedBigramsNeeded(distinctBigrams, edits) {
  return Math.max(1, distinctBigrams - 3 * edits);
}

// src/search/vocabulary.ts
var NO_POSTINGS = new Int32Array(0);
var PostingList = class {
  data = NO_POSTINGS;
  length = 0;
};
var ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
function singleEdits(word) {
  const out = /* @__PURE__ */ new Set();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const letter of ALPHABET) out.add(word.slice(0, i) + letter + word.slice(i + 1));
  }
  for (let i = 0; i <= word.length; i++)
    for (const letter of ALPHABET) out.add(word.slice(0, i) + letter + word.slice(i));
  out.delete(word);
  return out;
}
function grow(array, size) {
  if (array.length >= size) return array;
  const grown = new array.constructor(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
var PENDING_BATCH = 1 << 20;
var PENDING_START = 1 << 12;
var MAX_PREFIX_EXPANSIONS = 40;
var MAX_SUFFIX_EXPANSIONS = 6;
var MAX_SUFFIX_LENGTH = 3;
var MAX_FUZZY_EXPANSIONS = 12;
var MAX_ONE_SLIP_EXPANSIONS = 64;
var PREFIX_WEIGHT = 0.75;
var TYPO_WEIGHT = [1, 0.55, 0.35];
var NEAR_SPELLING_OF_A_REAL_WORD = 0.4;
var EXPANSION_CACHE_SIZE = 512;
var Vocabulary = class {
  termIds = /* @__PURE__ */ new Map();
  terms = [];
  postings = [];
  #fuzzy;
  /** Per term: its length, to skip typo candidates of the wrong length without reading the string. */
  #termLengths = new Uint8Array(1024);
  /** Sorted term ids for prefix lookup; rebuilt lazily after adds. */
  #sorted;
  /** Bigram → term ids, for finding typo candidates. */
  #bigrams = /* @__PURE__ */ new Map();
  #expansionCache = /* @__PURE__ */ new Map();
  /** Open-addressing hash table: slot → term id + 1 (0 is empty), and the slot's hash. */
  #slots = new Int32Array(1 << 12);
  #slotHashes = new Int32Array(1 << 12);
  /** While adding a document: per term, the document it was last seen in (+1) and the fields so far. */
  #lastDoc = new Int32Array(0);
  #docMask = new Uint8Array(0);
  /**
   * Postings written but not yet in their lists (term id and value, in document order). Writing each one
   * straight into its term's list (a random write into one of ~500,000 small arrays, each grown by doubling)
   * was about a third of a 100,000-paper build; batched, every list grows at most once per batch, and the
   * build takes ~20 % less time and its index ~25 % less memory (growing room of long lists is trimmed).
   */
  #pendingTerms = new Int32Array(PENDING_START);
  #pendingValues = new Int32Array(PENDING_START);
  #pending = 0;
  #termStarts = new Int32Array(0);
  #sortedPending = new Int32Array(0);
  #gramCounts = new Uint8Array(0);
  constructor(fuzzy) {
    this.#fuzzy = fuzzy;
  }
  /** Forget cached lookups after terms or postings changed (and put pending postings in their lists). */
  changed() {
    this.#distribute();
    if (this.#pendingTerms.length > PENDING_START) {
      for (const list of this.postings) {
        if (list.data.length - list.length > 256) list.data = list.data.slice(0, list.length);
      }
      this.#pendingTerms = new Int32Array(PENDING_START);
      this.#pendingValues = new Int32Array(PENDING_START);
      this.#termStarts = new Int32Array(0);
      this.#sortedPending = new Int32Array(0);
    }
    this.#sorted = void 0;
    this.#expansionCache.clear();
  }
  /** Record that `doc` has term `id` in the field `bit`: one posting per (document, term), fields as a mask. */
  see(id, doc, bit, docTerms) {
    if (this.#lastDoc[id] !== doc + 1) {
      this.#lastDoc[id] = doc + 1;
      this.#docMask[id] = bit;
      docTerms.push(id);
    } else {
      this.#docMask[id] = this.#docMask[id] | bit;
    }
  }
  /** Write the postings of the document whose terms are `docTerms` (after every field was seen). */
  flush(doc, docTerms) {
    const needed = this.#pending + docTerms.length;
    if (needed > this.#pendingTerms.length) {
      if (needed > PENDING_BATCH) this.#distribute();
      const size = Math.max(this.#pending + docTerms.length, Math.min(PENDING_BATCH, this.#pendingTerms.length * 2));
      this.#pendingTerms = grow(this.#pendingTerms, size);
      this.#pendingValues = grow(this.#pendingValues, size);
    }
    const terms = this.#pendingTerms;
    const values = this.#pendingValues;
    let at = this.#pending;
    for (const id of docTerms) {
      terms[at] = id;
      values[at++] = doc << 5 | this.#docMask[id];
    }
    this.#pending = at;
  }
  /**
   * Move the pending postings into their lists: a counting sort by term into one scratch array (writes that
   * stay within a few megabytes), then one sequential copy per term into its list, grown once.
   */
  #distribute() {
    const pending = this.#pending;
    if (pending === 0) return;
    const terms = this.#pendingTerms;
    const values = this.#pendingValues;
    const termCount = this.terms.length;
    this.#termStarts = grow(this.#termStarts, termCount + 1);
    const starts = this.#termStarts;
    starts.fill(0, 0, termCount + 1);
    for (let i = 0; i < pending; i++)
      starts[terms[i] + 1] = starts[terms[i] + 1] + 1;
    for (let id = 0; id < termCount; id++) starts[id + 1] = starts[id + 1] + starts[id];
    this.#sortedPending = grow(this.#sortedPending, pending);
    const sorted = this.#sortedPending;
    for (let i = 0; i < pending; i++) {
      const id = terms[i];
      sorted[starts[id]] = values[i];
      starts[id] = starts[id] + 1;
    }
    let from = 0;
    for (let id = 0; id < termCount; id++) {
      const to = starts[id];
      if (to === from) continue;
      const list = this.postings[id];
      const length = list.length;
      if (length + to - from > list.data.length) list.data = grow(list.data, length + to - from);
      const data = list.data;
      for (let at = from; at < to; at++) data[length + at - from] = sorted[at];
      list.length = length + to - from;
      from = to;
    }
    this.#pending = 0;
  }
  /**
   * Tokenise lower-cased ASCII text and look every token up without allocating it: a hash over the
   * character codes probes an open-addressing table of term ids, and the term is compared in place. Only
   * new terms become strings. This is where index build time goes (millions of tokens at 10,000 papers).
   * A hyphen chain (`pre-trained`) is also recorded joined (`pretrained`); it does not count as a token.
   * Returns how many tokens the text has.
   */
  scanAscii(text, doc, bit, docTerms) {
    let count = 0;
    let start = -1;
    let hash = 0;
    let chainStart = -1;
    let chainParts = 0;
    let chainLength = 0;
    const length = text.length;
    for (let i = 0; i <= length; i++) {
      const code = i < length ? text.charCodeAt(i) : 32;
      if (code >= 97 && code <= 122 || code >= 48 && code <= 57) {
        if (start === -1) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      if (start === -1) continue;
      this.see(this.#lookup(text, start, i, hash, true), doc, bit, docTerms);
      count++;
      if (chainParts > 0 && start - 1 === chainLength) chainParts++;
      else {
        if (chainParts >= 2) this.#endChain(text, chainStart, chainLength, chainParts, doc, bit, docTerms);
        chainStart = start;
        chainParts = 1;
      }
      chainLength = i;
      if (code !== 45) {
        if (chainParts >= 2) this.#endChain(text, chainStart, chainLength, chainParts, doc, bit, docTerms);
        chainParts = 0;
      }
      start = -1;
    }
    return count;
  }
  #endChain(text, chainStart, chainEnd, parts, doc, bit, docTerms) {
    if (chainStart === -1 || parts < 2) return;
    const joined = text.slice(chainStart, chainEnd).replaceAll("-", "");
    if (joined.length > MAX_JOINED_LENGTH) return;
    this.see(this.#lookup(joined, 0, joined.length, hashOf(joined), true), doc, bit, docTerms);
  }
  /** The id of `text.slice(start, end)` (its FNV hash given), adding the term when `insert` allows. */
  #lookup(text, start, end, hash, insert) {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    const size = end - start;
    for (; ; ) {
      const entry = this.#slots[slot];
      if (entry === 0) break;
      if (this.#slotHashes[slot] === hash) {
        const term = this.terms[entry - 1];
        if (term.length === size && text.startsWith(term, start)) return entry - 1;
      }
      slot = slot + 1 & mask;
    }
    return insert ? this.newTerm(text.slice(start, end)) : -1;
  }
  /**
   * The term ids of lower-cased ASCII text, in order, without adding terms (unknown tokens are -1) and
   * without joined forms: what phrase matching reads. Stop words come back as their ids like any word.
   */
  idsOfAscii(text, out) {
    out.length = 0;
    let start = -1;
    let hash = 0;
    const length = text.length;
    for (let i = 0; i <= length; i++) {
      const code = i < length ? text.charCodeAt(i) : 32;
      if (code >= 97 && code <= 122 || code >= 48 && code <= 57) {
        if (start === -1) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      if (start === -1) continue;
      out.push(this.#lookup(text, start, i, hash, false));
      start = -1;
    }
    return out;
  }
  #insertSlot(id, hash) {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while (this.#slots[slot] !== 0) slot = slot + 1 & mask;
    this.#slots[slot] = id + 1;
    this.#slotHashes[slot] = hash;
  }
  newTerm(token) {
    const id = this.terms.length;
    this.termIds.set(token, id);
    this.terms.push(token);
    this.postings.push(new PostingList());
    if ((id + 1) * 2 > this.#slots.length) {
      this.#slots = new Int32Array(this.#slots.length * 2);
      this.#slotHashes = new Int32Array(this.#slots.length);
      for (const [termId, term] of this.terms.entries()) this.#insertSlot(termId, hashOf(term));
    } else {
      this.#insertSlot(id, hashOf(token));
    }
    this.#termLengths = grow(this.#termLengths, id + 1);
    this.#termLengths[id] = Math.min(token.length, 255);
    this.#lastDoc = grow(this.#lastDoc, id + 1);
    this.#docMask = grow(this.#docMask, id + 1);
    if (this.#fuzzy && token.length >= 3) {
      for (const bigram of new Set(bigramsOf(token))) {
        const list = this.#bigrams.get(bigram);
        if (list) list.push(id);
        else this.#bigrams.set(bigram, [id]);
      }
    }
    return id;
  }
  #sortedTerms() {
    if (!this.#sorted) {
      const ids = Int32Array.from(this.terms.keys());
      const terms = this.terms;
      ids.sort((a, b) => terms[a] < terms[b] ? -1 : 1);
      this.#sorted = ids;
    }
    return this.#sorted;
  }
  /** How many documents have the term. */
  documentCount(term) {
    return this.postings[term].length;
  }
  /**
   * The vocabulary terms a query word may mean, with how much each counts (cached per word). `typing`: the
   * word is the one being typed, so any completion may be meant.
   */
  expand(word, typing) {
    const cacheKey = typing ? `${word}\0` : word;
    const cached = this.#expansionCache.get(cacheKey);
    if (cached) return cached;
    const expansions = /* @__PURE__ */ new Map();
    const exact = this.termIds.get(word);
    if (exact !== void 0) expansions.set(exact, { term: exact, weight: 1, kind: "exact" });
    const sorted = this.#sortedTerms();
    const terms = this.terms;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = low + high >> 1;
      if (terms[sorted[mid]] < word) low = mid + 1;
      else high = mid;
    }
    const prefixed = [];
    const maxLength = typing ? Number.POSITIVE_INFINITY : word.length + MAX_SUFFIX_LENGTH;
    for (let i = low; i < sorted.length; i++) {
      const id = sorted[i];
      const term = terms[id];
      if (!term.startsWith(word)) break;
      if (id !== exact && term.length <= maxLength) prefixed.push(id);
    }
    prefixed.sort((a, b) => this.documentCount(b) - this.documentCount(a));
    const cap = !typing ? MAX_SUFFIX_EXPANSIONS : word.length === 1 ? 8 : word.length === 2 ? 16 : MAX_PREFIX_EXPANSIONS;
    for (const id of prefixed.slice(0, cap)) {
      const coverage = word.length / terms[id].length;
      expansions.set(id, {
        term: id,
        weight: PREFIX_WEIGHT * (0.5 + 0.5 * coverage),
        kind: "prefix",
        prefix: word.length
      });
    }
    const typos = this.#fuzzy ? allowedTypos(word.length) : 0;
    if (typos > 0) {
      const damping = exact === void 0 ? 1 : NEAR_SPELLING_OF_A_REAL_WORD;
      for (const { term, distance } of this.#typoCandidates(word, typos)) {
        if (!expansions.has(term)) {
          expansions.set(term, { term, weight: TYPO_WEIGHT[distance] * damping, kind: "typo" });
        }
      }
    }
    const result = [...expansions.values()];
    if (this.#expansionCache.size >= EXPANSION_CACHE_SIZE) this.#expansionCache.clear();
    this.#expansionCache.set(cacheKey, result);
    return result;
  }
  /**
   * Terms within `max` edits of `word`. Every term one edit away is found exactly, by looking up each
   * variant of the word (each letter dropped, each pair swapped, each letter replaced or inserted: about
   * 900 lookups for a 12-letter word); terms two edits away through shared bigrams, then verified. Bigrams
   * alone miss short words: `raod` shares none with `road`.
   */
  #typoCandidates(word, max) {
    const oneEdit = /* @__PURE__ */ new Set();
    for (const variant of singleEdits(word)) {
      const id = this.termIds.get(variant);
      if (id !== void 0) oneEdit.add(id);
    }
    const grams = [...new Set(bigramsOf(word))];
    const needed = sharedBigramsNeeded(grams.length, max);
    this.#gramCounts = grow(this.#gramCounts, this.terms.length);
    const counts = this.#gramCounts;
    const lengths = this.#termLengths;
    const touched = [];
    for (const gram of grams) {
      const list = this.#bigrams.get(gram);
      if (!list) continue;
      for (const id of list) {
        if (Math.abs(lengths[id] - word.length) > max) continue;
        if (counts[id] === 0) touched.push(id);
        counts[id] = counts[id] + 1;
      }
    }
    const found = [];
    for (const id of oneEdit) found.push({ term: id, distance: 1, frequency: this.documentCount(id) });
    for (const id of touched) {
      const shared = counts[id];
      counts[id] = 0;
      if (shared < needed || oneEdit.has(id)) continue;
      const term = this.terms[id];
      if (term === word) continue;
      const distance = boundedEditDistance(word, term, max);
      if (distance <= max) found.push({ term: id, distance, frequency: this.documentCount(id) });
    }
    found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency);
    const oneSlip = found.filter((candidate) => candidate.distance === 1).length;
    return found.slice(0, Math.max(MAX_FUZZY_EXPANSIONS, Math.min(oneSlip, MAX_ONE_SLIP_EXPANSIONS)));
  }
};

// src/search.ts
var DEFAULT_FIELD_WEIGHTS = { title: 5, keywords: 2.5, authors: 2.5, summary: 1.2, abstract: 1 };
var FIELD_BIT = { title: 1, keywords: 2, authors: 4, summary: 8, abstract: 16 };
var ALL_FIELDS = 31;
var TITLE_RUN = 2.5;
var TEXT_RUN = 2.5;
var ALL_IN_TITLE = 0.5;
var PHRASE_POOL = 120;
var TOKEN_CACHE_SIZE = 4096;
function fieldBits(field) {
  return field === void 0 ? ALL_FIELDS : FIELD_BIT[field];
}
var SearchIndex = class _SearchIndex {
  #papers = [];
  #weights;
  #fuzzy;
  #vocabulary;
  /** Per document, per field: number of tokens (kept to recompute norms and to serialise). */
  #lengths = new Uint16Array(0);
  #totalLength = new Float64Array(FIELDS.length);
  /** Per document, per field: the field's weight with BM25 length normalisation, recomputed after adds. */
  #norms = new Float32Array(0);
  #normsFor = -1;
  /** Scratch buffers reused across calls. */
  #scores = new Float64Array(0);
  #termScores = new Float64Array(0);
  #matched = new Uint32Array(0);
  #excluded = new Uint8Array(0);
  #termMasks = new Int32Array(0);
  #runLengths = new Int32Array(32);
  #ids = [];
  #tokenCache = /* @__PURE__ */ new Map();
  constructor(papers = [], options = {}) {
    this.#weights = { ...DEFAULT_FIELD_WEIGHTS, ...options.weights };
    this.#fuzzy = options.fuzzy ?? true;
    this.#vocabulary = new Vocabulary(this.#fuzzy);
    this.add(papers);
  }
  /** How many papers are indexed. */
  get size() {
    return this.#papers.length;
  }
  /** The indexed papers, in the order they were added. */
  get papers() {
    return this.#papers;
  }
  /** Index more papers without rebuilding what is there. */
  add(papers) {
    if (papers.length === 0) return;
    const vocabulary = this.#vocabulary;
    const first = this.#papers.length;
    this.#lengths = grow(this.#lengths, (first + papers.length) * FIELDS.length);
    const lengths = this.#lengths;
    const docTerms = [];
    for (let offset = 0; offset < papers.length; offset++) {
      const paper = papers[offset];
      const doc = first + offset;
      this.#papers.push(paper);
      docTerms.length = 0;
      for (let fieldIndex = 0; fieldIndex < FIELDS.length; fieldIndex++) {
        const field = FIELDS[fieldIndex];
        const bit = FIELD_BIT[field];
        let count = 0;
        for (const value of fieldValues(paper, field)) {
          if (isAscii(value)) {
            count += vocabulary.scanAscii(value.toLowerCase(), doc, bit, docTerms);
            continue;
          }
          for (const span of tokenSpans(value)) {
            vocabulary.see(vocabulary.termIds.get(span.token) ?? vocabulary.newTerm(span.token), doc, bit, docTerms);
            if (!span.joined) count++;
          }
        }
        lengths[doc * FIELDS.length + fieldIndex] = Math.min(count, 65535);
        this.#totalLength[fieldIndex] = this.#totalLength[fieldIndex] + count;
      }
      vocabulary.flush(doc, docTerms);
    }
    vocabulary.changed();
  }
  #ensureNorms() {
    const docs = this.#papers.length;
    if (this.#normsFor === docs) return this.#norms;
    this.#norms = grow(this.#norms, docs * FIELDS.length);
    fieldNorms(this.#lengths, docs, this.#totalLength, this.#weights, this.#norms);
    this.#normsFor = docs;
    return this.#norms;
  }
  #ensureScratch() {
    const docs = this.#papers.length;
    if (this.#scores.length < docs) {
      this.#scores = new Float64Array(docs);
      this.#termScores = new Float64Array(docs);
      this.#matched = new Uint32Array(docs);
      this.#excluded = new Uint8Array(docs);
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
  search(query, options = {}) {
    const limit = limitOf(options.limit);
    const accept = toPredicate(options.filter);
    const parsed = parseSearchQuery(query);
    this.#ensureScratch();
    const excluded = this.#markExcluded(parsed);
    const clauses = scoredClauses(parsed);
    const words = queryWords(clauses, parsed);
    const keepDoc = (doc) => !excluded[doc] && accept(this.#papers[doc]);
    if (words.length === 0) {
      let papers = this.#papers.filter((_, doc) => keepDoc(doc));
      if (options.sort === "upvotes" || options.sort === "date") papers = sortPapers(papers, options.sort);
      this.#excluded.fill(0);
      return papers.slice(0, limit).map((paper) => ({ paper, score: 0, matches: [] }));
    }
    const vocabulary = this.#vocabulary;
    const docs = this.#papers.length;
    const scores = this.#scores;
    const termScores = this.#termScores;
    const matched = this.#matched;
    const norms = this.#ensureNorms();
    const touched = [];
    const expansionsByWord = words.map(({ word, typing }) => vocabulary.expand(word, typing));
    expansionsByWord.forEach((expansions, wordIndex) => {
      const { fields: allowed, typing } = words[wordIndex];
      const wordTouched = [];
      const boosts = boostsOf(expansions, typing, docs, vocabulary);
      expansions.forEach(({ term }, at) => {
        const list = vocabulary.postings[term];
        if (!list) return;
        const boost = boosts[at];
        const data = list.data;
        for (let i = 0; i < list.length; i++) {
          const posting = data[i];
          const mask = posting & allowed;
          if (mask === 0) continue;
          const doc = posting >>> 5;
          const base = doc * 5;
          let fields = 0;
          if (mask & 1) fields += norms[base];
          if (mask & 2) fields += norms[base + 1];
          if (mask & 4) fields += norms[base + 2];
          if (mask & 8) fields += norms[base + 3];
          if (mask & 16) fields += norms[base + 4];
          const value = boost * fields;
          if (termScores[doc] === 0) wordTouched.push(doc);
          if (value > termScores[doc]) termScores[doc] = value;
        }
      });
      const bit = 1 << Math.min(wordIndex, 31);
      for (const doc of wordTouched) {
        if (matched[doc] === 0) touched.push(doc);
        scores[doc] = scores[doc] + termScores[doc];
        matched[doc] = matched[doc] | bit;
        termScores[doc] = 0;
      }
    });
    this.#setTermMasks(expansionsByWord);
    const required = requiredPhrases(clauses, words);
    const excludedPhrases = parsed.clauses.filter((item) => item.exclude && item.phrase);
    const bySort = options.sort === "upvotes" || options.sort === "date";
    const keep = bySort ? Number.POSITIVE_INFINITY : Math.max(limit * 3, PHRASE_POOL);
    const best = new TopScores(keep);
    for (const doc of touched) {
      const covered = popcount(matched[doc]);
      const coverage = covered / words.length;
      const score = scores[doc] * coverage * coverage * (covered === words.length ? 2 : 1);
      const all = matched[doc];
      scores[doc] = 0;
      matched[doc] = 0;
      if (!best.accepts(score) || !keepDoc(doc)) continue;
      if (required.length > 0 && !required.every((phrase) => (all & phrase.bits) === phrase.bits && this.#hasRun(doc, phrase))) {
        continue;
      }
      if (excludedPhrases.some((phrase) => this.#hasExactPhrase(doc, phrase))) continue;
      best.push(doc, score);
    }
    this.#excluded.fill(0);
    const candidates = best.sorted();
    if (words.length > 1) this.#rewardRuns(candidates, words.length, PHRASE_POOL);
    this.#clearTermMasks(expansionsByWord);
    let ranked = candidates.map(({ doc, score }) => ({ paper: this.#papers[doc], score }));
    if (bySort) {
      const top = ranked[0]?.score ?? 0;
      ranked = ranked.filter((hit) => hit.score >= top * 0.05);
      const order = new Map(
        sortPapers(
          ranked.map((hit) => hit.paper),
          options.sort
        ).map((paper, at) => [paper, at])
      );
      ranked.sort((a, b) => order.get(a.paper) - order.get(b.paper));
    }
    const highlightTerms = this.#highlightTerms(expansionsByWord, words);
    return ranked.slice(0, limit).map(({ paper, score }) => lazyHit(paper, score, highlightTerms));
  }
  /** Mark the documents an exclusion (`-word`, `-title:word`) leaves out; phrases are checked per document. */
  #markExcluded(parsed) {
    const excluded = this.#excluded;
    for (const clause2 of parsed.clauses) {
      if (!clause2.exclude || clause2.phrase) continue;
      const allowed = fieldBits(clause2.field);
      for (const word of clause2.words) {
        const term = this.#vocabulary.termIds.get(word);
        const list = term === void 0 ? void 0 : this.#vocabulary.postings[term];
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const posting = list.data[i];
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
  #setTermMasks(expansionsByWord) {
    const masks = this.#termMasks;
    for (const word of STOP_WORDS) {
      const id = this.#vocabulary.termIds.get(word);
      if (id !== void 0) masks[id] = -1;
    }
    expansionsByWord.forEach((expansions, wordIndex) => {
      for (const { term } of expansions) {
        masks[term] = (masks[term] === -1 ? 0 : masks[term]) | 1 << wordIndex;
      }
    });
  }
  #clearTermMasks(expansionsByWord) {
    const masks = this.#termMasks;
    for (const word of STOP_WORDS) {
      const id = this.#vocabulary.termIds.get(word);
      if (id !== void 0) masks[id] = 0;
    }
    for (const expansions of expansionsByWord) for (const { term } of expansions) masks[term] = 0;
  }
  /**
   * A document's token ids, field after field, each field value opened by `-(2 + field index)`: what phrase
   * runs are read from. Cached, because typing re-reads the same few candidates at every keystroke (a
   * bounded cache: about 5 MB at most).
   */
  #docTokens(doc) {
    const cached = this.#tokenCache.get(doc);
    if (cached) return cached;
    const paper = this.#papers[doc];
    const ids = [];
    const vocabulary = this.#vocabulary;
    FIELDS.forEach((field, fieldIndex) => {
      for (const value of fieldValues(paper, field)) {
        ids.push(-2 - fieldIndex);
        if (isAscii(value)) {
          for (const id of vocabulary.idsOfAscii(value.toLowerCase(), this.#ids)) ids.push(id);
        } else {
          for (const token of plainTokens(value)) ids.push(vocabulary.termIds.get(token) ?? -1);
        }
      }
    });
    const tokens = Int32Array.from(ids);
    if (this.#tokenCache.size >= TOKEN_CACHE_SIZE) this.#tokenCache.clear();
    this.#tokenCache.set(doc, tokens);
    return tokens;
  }
  /**
   * The longest run of query words `shift`…`shift + count - 1`, next to each other and in order, in each
   * field value of the allowed fields of a document: the best factor it earns (`bonus` per field), or with
   * `bonus` undefined the longest run itself.
   */
  #runs(doc, allowed, count, shift, bonus) {
    const masks = this.#termMasks;
    const runs = this.#runLengths;
    const tokens = this.#docTokens(doc);
    let best = bonus ? 1 : 0;
    let field = -1;
    let longest = 0;
    let seen = 0;
    const every = count >= 31 ? -1 : (1 << count) - 1;
    const finish = () => {
      if (field === -1) return;
      if (!bonus) best = Math.max(best, longest);
      else {
        if (longest >= 2) best = Math.max(best, 1 + bonus(field) * (longest - 1) / (count - 1));
        if (field === 0 && (seen & every) === every) best = Math.max(best, 1 + ALL_IN_TITLE);
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const id = tokens[i];
      if (id <= -2) {
        finish();
        const next = -2 - id;
        field = allowed & 1 << next ? next : -1;
        longest = 0;
        seen = 0;
        runs.fill(0, 0, count);
        continue;
      }
      if (field === -1) continue;
      const raw = id === -1 ? 0 : masks[id];
      if (raw === -1) continue;
      const mask = raw >>> shift;
      seen |= mask;
      for (let j = count - 1; j >= 0; j--) {
        if (mask & 1 << j) {
          const run = j > 0 ? runs[j - 1] + 1 : 1;
          runs[j] = run;
          if (run > longest) longest = run;
        } else runs[j] = 0;
      }
    }
    finish();
    return best;
  }
  #hasRun(doc, phrase) {
    return this.#runs(doc, phrase.fields, phrase.count, phrase.from) >= phrase.count;
  }
  /** Does the document hold an excluded phrase's words next to each other, exactly as written? */
  #hasExactPhrase(doc, clause2) {
    const wanted = clause2.words.filter((word) => !STOP_WORDS.has(word));
    if (wanted.length === 0) return false;
    const paper = this.#papers[doc];
    for (const field of FIELDS) {
      if (!(fieldBits(clause2.field) & FIELD_BIT[field])) continue;
      for (const value of fieldValues(paper, field)) {
        const tokens = plainTokens(value).filter((token) => !STOP_WORDS.has(token));
        for (let start = 0; start + wanted.length <= tokens.length; start++) {
          if (wanted.every((word, at) => tokens[start + at] === word)) return true;
        }
      }
    }
    return false;
  }
  /** Among the best candidates, reward query words that stand next to each other, in order, in one field. */
  #rewardRuns(candidates, count, pool) {
    const head = candidates.slice(0, pool);
    const bonus = (field) => field === 0 ? TITLE_RUN : TEXT_RUN;
    for (const candidate of head) candidate.score *= this.#runs(candidate.doc, ALL_FIELDS, count, 0, bonus);
    head.sort((a, b) => b.score - a.score || a.doc - b.doc);
    candidates.splice(0, head.length, ...head);
  }
  #highlightTerms(expansionsByWord, words) {
    const out = /* @__PURE__ */ new Map();
    expansionsByWord.forEach((expansions, index) => {
      for (const { term, prefix } of expansions) {
        const text = this.#vocabulary.terms[term];
        const length = prefix ?? Number.POSITIVE_INFINITY;
        out.set(text, Math.max(out.get(text) ?? 0, length));
      }
      const word = words[index].word;
      if (!out.has(word)) out.set(word, Number.POSITIVE_INFINITY);
    });
    return out;
  }
  /** A plain-JSON form of the index; `loadSearchIndex(data, papers)` restores it without re-tokenising. */
  toJSON() {
    return serialize({
      weights: this.#weights,
      fuzzy: this.#fuzzy,
      papers: this.#papers,
      terms: this.#vocabulary.terms,
      postings: this.#vocabulary.postings,
      lengths: this.#lengths
    });
  }
  /**
   * @hidden Restore from `toJSON()` output that `checkSerialized` has vouched for. The checking lives in
   * `loadSearchIndex`, so bundles that never load a saved index (the widgets) do not carry it.
   */
  static fromChecked(checked, papers) {
    const index = new _SearchIndex([], { weights: checked.weights, fuzzy: checked.fuzzy });
    index.#papers.push(...papers);
    index.#lengths = checked.lengths;
    for (let doc = 0; doc < papers.length; doc++) {
      for (let field = 0; field < FIELDS.length; field++) {
        index.#totalLength[field] = index.#totalLength[field] + index.#lengths[doc * FIELDS.length + field];
      }
    }
    let at = 0;
    const vocabulary = index.#vocabulary;
    checked.terms.forEach((term, id) => {
      const count = checked.counts[id];
      const list = vocabulary.postings[vocabulary.newTerm(term)];
      if (list) {
        list.data = checked.postings.slice(at, at + count);
        list.length = count;
      }
      at += count;
    });
    vocabulary.changed();
    return index;
  }
};
function queryWords(clauses, parsed) {
  const words = [];
  const last = parsed.clauses[parsed.clauses.length - 1];
  clauses.forEach((clause2) => {
    const content = clause2.phrase ? phraseContent(clause2.words) : clause2.words;
    content.forEach((word, at) => {
      if (words.length >= 31) return;
      const fields = fieldBits(clause2.field);
      const typing = parsed.typingLast && clause2 === last && at === content.length - 1;
      words.push({ word, fields, typing });
    });
  });
  return words;
}
function phraseContent(words) {
  const content = words.filter((word) => !STOP_WORDS.has(word));
  return content.length > 0 ? content : words;
}
function requiredPhrases(clauses, words) {
  const out = [];
  for (const clause2 of clauses) {
    if (!clause2.phrase) continue;
    const content = phraseContent(clause2.words);
    const fields = fieldBits(clause2.field);
    const from = words.findIndex((word) => word.word === content[0] && word.fields === fields);
    if (from === -1 || content.some((word, at) => words[from + at]?.word !== word)) continue;
    let bits = 0;
    for (let at = 0; at < content.length; at++) bits |= 1 << from + at;
    out.push({ bits, from, count: content.length, fields });
  }
  return out;
}
function boostsOf(expansions, typing, docs, vocabulary) {
  const exact = expansions.find((expansion) => expansion.kind === "exact");
  if (typing && expansions.length > 1) {
    let total = 0;
    for (const { term } of expansions) total += vocabulary.documentCount(term);
    const shared = idf(docs, Math.min(docs, total));
    return expansions.map(({ weight }) => weight * shared);
  }
  const ceiling = exact === void 0 ? Number.POSITIVE_INFINITY : idf(docs, vocabulary.documentCount(exact.term));
  return expansions.map(({ term, weight }) => weight * Math.min(idf(docs, vocabulary.documentCount(term)), ceiling));
}
function createSearchIndex(papers, options) {
  return new SearchIndex(papers, options);
}
function loadSearchIndex(data, papers) {
  return SearchIndex.fromChecked(checkSerialized(data, papers), papers);
}
export {
  DEFAULT_FIELD_WEIGHTS,
  SearchIndex,
  SearchIndexFormatError,
  boundedEditDistance,
  createSearchIndex,
  foldToken,
  isSearchIndexFormatError,
  loadSearchIndex,
  parseSearchQuery
};
