import { describe, expect, it } from 'vitest';
import { parseListing } from '../src/entries/parse.js';
import { hasTex, onlyKnownCommands, splitTex, texToUnicode } from '../src/entries/tex.js';
import { corpusDays } from './helpers.js';

describe('texToUnicode', () => {
  it.each([
    ['$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset', '∇²DFT: A Universal Quantum Chemistry Dataset'],
    ['LLM$\\times$MapReduce', 'LLM×MapReduce'],
    ['Prefill \\& Decode', 'Prefill & Decode'],
    ['\\$OneMillion-Bench', '$OneMillion-Bench'],
    ['a 2.3\\times speedup', 'a 2.3× speedup'],
    ['up to \\(9.6\\times\\) faster', 'up to 9.6× faster'],
    ['Transformer$^2$: Self-adaptive LLMs', 'Transformer²: Self-adaptive LLMs'],
    ['$\\tau$-bench', 'τ-bench'],
    ['A Simple and Effective $L_2$ Norm', 'A Simple and Effective L₂ Norm'],
    ['$\\textbf{Only-IF}$: instructions', 'Only-IF: instructions'],
    ['with \\textsc{AIEV-Instruct}', 'with AIEV-Instruct'],
    ['$γ-$MoD', 'γ-MoD'],
    ['in $\\mathcal{O}(n \\log n)$ time over $\\mathbb{R}^d$', 'in 𝒪(n log n) time over ℝᵈ'],
    ['J\\"urgen and G\\\'{e}rard, Na\\"{\\i}ve', 'Jürgen and Gérard, Naïve'],
    // arXiv's listing titles lose the dollars and keep the scripts.
    ['A^2FM and O(N^2), 360^circ views', 'A²FM and O(N²), 360° views'],
  ])('%s', (tex, unicode) => {
    expect(texToUnicode(tex)).toBe(unicode);
  });

  it('leaves dollars that are money, and backslashes that are not TeX, alone', () => {
    for (const text of [
      'costs less than $2,000 USD, or $5 and $10 a day',
      'Fixing 7,400 Bugs for 1$: Cheap Repair',
      'paths like C:\\Users\\me and \\OurMethod stay',
      'x^top and R^{m times n} are not guessed at',
      'a_b snake_case_names stay',
    ]) {
      expect(texToUnicode(text)).toBe(text);
      expect(hasTex(text)).toBe(false);
    }
  });

  it("does not read command names as Object.prototype's members (`$\\toString$` once became JavaScript source)", () => {
    expect(texToUnicode('a $\\toString$ b')).toBe('a toString b');
    expect(texToUnicode('x \\constructor y')).toBe('x \\constructor y');
    expect(texToUnicode('$\\valueOf{1}$')).not.toContain('function');
    expect(onlyKnownCommands('\\constructor \\hasOwnProperty \\__proto__')).toBe(false);
    expect(onlyKnownCommands('\\"o \\quad \\alpha')).toBe(true);
  });

  it('approximates what Unicode cannot show, and keeps that TeX for a MathML renderer', () => {
    const [before, math] = splitTex('loss $\\frac{1}{\\sqrt{d}}$');
    expect(before).toEqual({ text: 'loss ', start: 0, end: 5, kind: 'text' });
    expect(math).toEqual({
      text: '1/(√d)',
      start: 5,
      end: 25,
      kind: 'math',
      math: '\\frac{1}{\\sqrt{d}}',
    });
    // Exact conversions need no renderer.
    expect(splitTex('$x^2$')[0]?.math).toBeUndefined();
  });

  it("keeps the original offsets of every piece, so search highlights land on the text's own characters", () => {
    const text = 'The $\\nabla^2$DFT set \\& $L_2$ norms';
    const pieces = splitTex(text);
    expect(pieces.map((piece) => piece.kind)).toEqual(['text', 'math', 'text', 'command', 'text', 'math', 'text']);
    let at = 0;
    for (const piece of pieces) {
      expect(piece.start).toBe(at);
      if (piece.kind === 'text') expect(piece.text).toBe(text.slice(piece.start, piece.end));
      at = piece.end;
    }
    expect(at).toBe(text.length);
  });

  it('every TeX title of the real corpus reads with no backslash, caret or math dollar left', () => {
    const titles = corpusDays()
      .flatMap((day) => parseListing(day.text).papers)
      .map((paper) => paper.title)
      .filter(hasTex);
    expect(titles.length).toBeGreaterThan(20);
    for (const title of titles) {
      const unicode = texToUnicode(title);
      // A dollar that is money ("for 1$", "Under $0.1") is text.
      expect(unicode.replace(/\$(?=\d)|(?<=\d)\$/g, ''), title).not.toMatch(/[\\^$]/);
    }
  });

  it('hostile input: unbalanced groups, deep nesting and endless openers cost linear time', () => {
    const shapes = [
      (n: number) => '$'.repeat(n),
      (n: number) => '\\('.repeat(n),
      (n: number) => `$${'{'.repeat(n)}$`,
      (n: number) => '\\textbf{'.repeat(n),
      (n: number) => '$a$1'.repeat(n),
      (n: number) => 'x^{'.repeat(n),
      (n: number) => '\\sqrt['.repeat(n),
    ];
    for (const shape of shapes) {
      const time = (n: number): number => {
        const text = shape(n);
        const start = performance.now();
        for (let round = 0; round < 3; round++) texToUnicode(text);
        return performance.now() - start;
      };
      time(2_000);
      const small = Math.max(time(2_000), 1);
      const large = time(20_000);
      expect(large / small, shape(3)).toBeLessThan(30);
    }
  });
});
