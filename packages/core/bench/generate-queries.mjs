// Writes bench/relevance-queries-generated.json: a labelled query set made by a seeded script from the real
// corpus (the 2,966 papers of the 156 vendored API days), kept apart from the 71 hand-written queries the
// engine was tuned on. Six kinds, 30 each, every query with exactly one right answer by construction:
//
//   typo     two distinctive title words, one with a realistic slip (transposition, drop, double, adjacent key)
//   prefix   a distinctive title word, then the first three letters of another title word (typing)
//   acronym  a model name or acronym of the title that no other paper uses
//   author   a surname only one paper has (some as "first last"), large collaborations included
//   phrase   3–5 consecutive words of the abstract that no other abstract has in that order
//   accents  a surname with its accents removed, or with accents a person might add
//
// Usage: pnpm --filter @papertrend/core build && node bench/generate-queries.mjs
// `generateQueries(papers, seed)` is also what the cold-keystroke bench calls with a seed of its own, so that
// it types queries nobody has looked at.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { random, vendoredCorpus } from './corpus.mjs';

const PER_KIND = 30;
const SEED = 20_261_127;

const fold = (text) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const words = (text) => fold(text ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
const STOP = new Set(
  'a an and are as at be by can do for from has have how in into is it its of on or our that the their this to via vs was we what when which with without these those than then also such both each more most other only same so very while where who whose will not no but if all any between through over under about after before during using based'.split(
    ' ',
  ),
);

/** `PER_KIND` labelled queries of each kind over `papers`, from the seeded generator. */
export function generateQueries(papers, seed = SEED) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const shuffled = (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  const titleWords = papers.map((paper) => new Set(words(paper.title)));
  const allText = papers.map((paper) =>
    words(
      [
        paper.title,
        paper.abstract,
        paper.aiSummary,
        ...(paper.keywords ?? []),
        ...(paper.authors ?? []).map((a) => a.name),
      ].join(' '),
    ),
  );
  const df = new Map();
  for (const tokens of allText) for (const token of new Set(tokens)) df.set(token, (df.get(token) ?? 0) + 1);
  const abstractSequences = papers.map((paper) => ` ${words(paper.abstract).join(' ')} `);
  const authorPapers = new Map();
  papers.forEach((paper, index) => {
    for (const author of paper.authors ?? []) {
      for (const part of words(author.name)) {
        if (!authorPapers.has(part)) authorPapers.set(part, new Set());
        authorPapers.get(part).add(index);
      }
    }
  });

  const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  function neighbours(char) {
    for (let row = 0; row < ROWS.length; row++) {
      const at = ROWS[row].indexOf(char);
      if (at === -1) continue;
      return [ROWS[row][at - 1], ROWS[row][at + 1]].filter(Boolean);
    }
    return [];
  }

  /** One realistic slip at a random position (never the same word back). */
  function typo(word, kind) {
    const at = Math.floor(next() * (word.length - 1));
    switch (kind) {
      case 'transposition':
        return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
      case 'drop':
        return word.slice(0, at) + word.slice(at + 1);
      case 'double':
        return word.slice(0, at + 1) + word[at] + word.slice(at + 1);
      default: {
        const near = neighbours(word[at]);
        return near.length === 0 ? word : word.slice(0, at) + pick(near) + word.slice(at + 1);
      }
    }
  }

  const used = new Set();
  const queries = [];
  function add(kind, query, index, slip) {
    if (used.has(index) || queries.some((item) => item.query === query)) return false;
    used.add(index);
    queries.push({ kind, query, expected: papers[index].id, ...(slip ? { slip } : {}) });
    return true;
  }
  const order = shuffled(papers.map((_, index) => index));
  const distinctive = (index) =>
    [...titleWords[index]].filter(
      (word) => word.length >= 5 && !STOP.has(word) && !/^\d+$/.test(word) && (df.get(word) ?? 0) <= 25,
    );

  // typo
  const slips = ['transposition', 'drop', 'double', 'adjacent'];
  let count = 0;
  for (const index of order) {
    if (count >= PER_KIND) break;
    const candidates = distinctive(index);
    if (candidates.length < 2) continue;
    const [a, b] = shuffled(candidates);
    const others = titleWords.filter((set) => set.has(a) && set.has(b)).length;
    if (others !== 1) continue;
    const slip = slips[count % slips.length];
    const target = next() < 0.5 ? a : b;
    const slipped = typo(target, slip);
    if (slipped === target || df.has(slipped)) continue;
    const query = target === a ? `${slipped} ${b}` : `${a} ${slipped}`;
    if (add('typo', query, index, slip)) count++;
  }

  // prefix
  count = 0;
  for (const index of order) {
    if (count >= PER_KIND) break;
    const candidates = distinctive(index);
    const longer = [...titleWords[index]].filter((word) => word.length >= 6 && !STOP.has(word) && !/\d/.test(word));
    if (candidates.length === 0 || longer.length === 0) continue;
    const a = pick(candidates);
    const b = pick(longer.filter((word) => word !== a));
    if (!b) continue;
    const stem = b.slice(0, 3);
    const matches = titleWords.filter((set) => set.has(a) && [...set].some((word) => word.startsWith(stem))).length;
    if (matches !== 1) continue;
    if (add('prefix', `${a} ${stem}`, index)) count++;
  }

  // acronym / model name
  count = 0;
  for (const index of order) {
    if (count >= PER_KIND) break;
    const raw = papers[index].title.split(/[\s:,()]+/);
    const names = raw.filter(
      (word) =>
        /^[\p{L}\p{N}.-]{3,}$/u.test(word) &&
        (/\p{Lu}.*\p{Lu}/u.test(word.slice(1)) || /\p{L}\d|\d\p{L}/u.test(word) || /^\p{Lu}{3,}$/u.test(word)),
    );
    const unique = names.filter((word) => words(word).every((part) => (df.get(part) ?? 0) === 1));
    if (unique.length === 0) continue;
    if (add('acronym', pick(unique).toLowerCase(), index)) count++;
  }

  // author surname (a third of them from papers with 50+ authors, some as "first last")
  count = 0;
  const large = order.filter((index) => (papers[index].authors?.length ?? 0) >= 50);
  for (const index of [...large.slice(0, 10), ...order]) {
    if (count >= PER_KIND) break;
    const authors = shuffled(papers[index].authors ?? []);
    for (const author of authors) {
      const parts = words(author.name);
      const surname = parts[parts.length - 1];
      if (!surname || surname.length < 4 || !/^[a-z]+$/.test(fold(author.name.split(/\s+/).pop() ?? ''))) continue;
      if (authorPapers.get(surname)?.size !== 1 || (df.get(surname) ?? 0) !== 1) continue;
      const query = count % 3 === 2 && parts.length >= 2 ? `${parts[0]} ${surname}` : surname;
      if (add('author', query, index)) count++;
      break;
    }
  }

  // phrase from the abstract
  count = 0;
  for (const index of order) {
    if (count >= PER_KIND) break;
    const tokens = words(papers[index].abstract);
    if (tokens.length < 30) continue;
    const length = 3 + Math.floor(next() * 3);
    const start = Math.floor(next() * (tokens.length - length));
    const window = tokens.slice(start, start + length);
    if (STOP.has(window[0]) || STOP.has(window[window.length - 1]) || window.some((word) => /^\d+$/.test(word)))
      continue;
    if (window.filter((word) => !STOP.has(word)).length < 3) continue;
    // A remembered phrase, not a rare word: every content word is in at least 10 papers.
    if (window.some((word) => !STOP.has(word) && (df.get(word) ?? 0) < 10)) continue;
    const sequence = ` ${window.join(' ')} `;
    if (abstractSequences.filter((text) => text.includes(sequence)).length !== 1) continue;
    if (add('phrase', window.join(' '), index)) count++;
  }

  // accents removed from a name, or added to one
  const ACCENTED = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', n: 'ñ', c: 'ç', s: 'š' };
  count = 0;
  for (const index of order) {
    if (count >= PER_KIND) break;
    for (const author of shuffled(papers[index].authors ?? [])) {
      const surnameRaw = author.name.trim().split(/\s+/).pop() ?? '';
      const surname = fold(surnameRaw);
      if (surname.length < 4 || !/^[a-z]+$/.test(surname)) continue;
      if (authorPapers.get(surname)?.size !== 1 || (df.get(surname) ?? 0) !== 1) continue;
      const hasAccent =
        surnameRaw.normalize('NFD') !== surnameRaw.normalize('NFC').normalize('NFD').replace(/\p{M}/gu, '');
      let query;
      if (hasAccent) query = surname;
      else {
        const at = [...surname].findIndex((char, i) => i > 0 && ACCENTED[char]);
        if (at === -1 || count % 2 === 0) continue;
        query = surname.slice(0, at) + ACCENTED[surname[at]] + surname.slice(at + 1);
      }
      if (add('accents', query, index)) count++;
      break;
    }
  }

  return queries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const papers = vendoredCorpus();
  const queries = generateQueries(papers);
  const counts = Object.fromEntries(
    ['typo', 'prefix', 'acronym', 'author', 'phrase', 'accents'].map((kind) => [
      kind,
      queries.filter((item) => item.kind === kind).length,
    ]),
  );
  writeFileSync(
    new URL('./relevance-queries-generated.json', import.meta.url),
    `${JSON.stringify(queries, null, 2)}\n`,
  );
  console.log(`wrote ${queries.length} queries over ${papers.length} papers:`, counts);
}
