/**
 * The main entry keeps the search's classes alive across indexes (`search/shapes.ts`), so that an index made
 * after another was dropped and collected runs the compiled code the first one warmed. V8 says which compiled
 * code it throws away (`--trace-deopt`): code whose hidden classes died is marked "weak objects".
 */
import { describe, expect, it } from 'vitest';
import { runChild } from './child-process.js';

/** Hot search functions, as V8 names them. */
const SEARCH_FUNCTIONS = new Set([
  '#run',
  '#scoreWords',
  '#select',
  '#walkLetters',
  '#typoCandidates',
  '#runs',
  'expand',
  'scores',
  'reward',
  'sortBestFirst',
  '#siftDown',
  'lookupBytes',
  // `KeptFields.find` (main entry only), which called the phrase reader through closures that died with it.
  'find',
]);

/** The search functions whose compiled code V8 threw away because classes it checked for died. */
async function searchCodeLost(entry: 'index' | 'search') {
  const child = await runChild('./child/index-replaced.ts', [entry], {
    nodeFlags: ['--expose-gc', '--trace-deopt'],
    killAfter: 120_000,
  });
  expect(child.code).toBe(0);
  const lost = [
    ...child.stdout.matchAll(/<SharedFunctionInfo ([^>]*)>\) \(opt id \d+\) for deoptimization, reason: weak objects/g),
  ]
    .map((match) => match[1] as string)
    .filter((name) => SEARCH_FUNCTIONS.has(name));
  // The child's JSON line, found among V8's trace lines, which may come after it.
  const printed = /\{"firstHits":\d+,"secondHits":\d+\}/.exec(child.stdout)?.[0];
  return { lost: new Set(lost), result: printed ? (JSON.parse(printed) as Record<string, number>) : undefined };
}

describe('an index made after another was collected', () => {
  it('keeps its compiled search code through the main entry, which the search entry loses', async () => {
    const [main, widget] = await Promise.all([searchCodeLost('index'), searchCodeLost('search')]);
    // Without the kept shapes, this V8 throws the code away: the check below would pass for nothing if not.
    // How much of it depends on what the collector and the compiler did when (2 to 11 of these functions in
    // one run): the search entry is run again, up to three times, until it shows it.
    let control = widget;
    for (let run = 1; run < 3 && control.lost.size < 5; run++) control = await searchCodeLost('search');
    expect(control.lost.size).toBeGreaterThanOrEqual(5);
    expect([...main.lost]).toEqual([]);
    // The kept index changes no answer.
    expect(main.result).toEqual(widget.result);
    expect(main.result?.secondHits).toBeGreaterThan(1000);
  }, 400_000);
});
