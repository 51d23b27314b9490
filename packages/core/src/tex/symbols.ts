/**
 * The TeX commands papertrend knows, and what each becomes in Unicode: Greek letters, symbols, accents,
 * spacing, operators, super- and subscripts, and the math alphabets.
 */

const GREEK =
  'alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ iota ι kappa κ lambda λ mu μ nu ν xi ξ pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω';
const SYMBOLS =
  'times × cdot · pm ± mp ∓ div ÷ ast ∗ star ⋆ circ ∘ bullet • oplus ⊕ otimes ⊗ leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ equiv ≡ propto ∝ ll ≪ gg ≫ infty ∞ nabla ∇ partial ∂ sum ∑ prod ∏ int ∫ in ∈ notin ∉ ni ∋ subset ⊂ subseteq ⊆ supset ⊃ cup ∪ cap ∩ emptyset ∅ varnothing ∅ forall ∀ exists ∃ neg ¬ lnot ¬ land ∧ wedge ∧ lor ∨ vee ∨ to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐ Leftrightarrow ⇔ mapsto ↦ uparrow ↑ downarrow ↓ implies ⟹ iff ⟺ ldots … dots … cdots ⋯ vdots ⋮ prime ′ dagger † ddagger ‡ ell ℓ hbar ℏ Re ℜ Im ℑ aleph ℵ mid ∣ parallel ∥ perp ⊥ angle ∠ triangle △ checkmark ✓ langle ⟨ rangle ⟩ lceil ⌈ rceil ⌉ lfloor ⌊ rfloor ⌋ top ⊤ bot ⊥ vert | Vert ‖ | ‖ colon : textbackslash \\ textasciitilde ~ textasciicircum ^ textbar | textendash – textemdash — dag † S § P ¶ copyright © textregistered ® texttrademark ™ euro € pounds £ degree ° ss ß o ø O Ø ae æ AE Æ oe œ OE Œ aa å AA Å l ł L Ł i ı';
/** Commands that print their argument as it is (the font does not change what the text says). */
const AS_IS =
  'text textrm textbf textit textsf texttt textsc textnormal textup emph mathrm mathbf mathit mathsf mathtt mathnormal boldsymbol bm operatorname mbox hbox underline';
/** Operator names TeX sets upright with space around them. */
const OPERATORS = 'log ln exp max min sup inf lim sin cos tan arg det dim ker deg gcd Pr argmax argmin softmax'.split(
  ' ',
);

/**
 * A table looked up by command name, without a prototype: `\constructor` or `$\toString$` in a title must
 * not find `Object.prototype`'s members (they once rendered as "function toString() { [native code] }").
 */
function commandTable(entries: Record<string, string>): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, entries);
}

/** Text accents, as combining characters. */
export const ACCENTS = commandTable({
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  // Math accents: one letter under them is still exact Unicode.
  hat: '\u0302',
  tilde: '\u0303',
  bar: '\u0304',
  dot: '\u0307',
  ddot: '\u0308',
  vec: '\u20d7',
  check: '\u030c',
  acute: '\u0301',
  grave: '\u0300',
  breve: '\u0306',
});
export const ESCAPES = commandTable({
  $: '$',
  '&': '&',
  '%': '%',
  '#': '#',
  _: '_',
  '{': '{',
  '}': '}',
  ' ': ' ',
});
export const SPACES = commandTable({
  ',': '\u2009',
  ':': '\u2005',
  ';': '\u2004',
  '!': '',
  quad: '\u2003',
  qquad: '\u2003\u2003',
  ' ': ' ',
});
/** Text-mode commands that are letters, which TeX ends with a space it then drops. */
export const TEXT_LETTERS = new Set('ss o O ae AE oe OE aa AA l L i j'.split(' '));
/** Sizing and pairing commands that change nothing a reader of plain text sees. */
export const INVISIBLE = new Set(
  'left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr middle displaystyle textstyle limits nolimits'.split(
    ' ',
  ),
);

export const SUPERSCRIPTS = pairs(
  '0⁰1¹2²3³4⁴5⁵6⁶7⁷8⁸9⁹+⁺-⁻−⁻=⁼(⁽)⁾a ᵃb ᵇc ᶜd ᵈe ᵉf ᶠg ᵍh ʰi ⁱj ʲk ᵏl ˡm ᵐn ⁿo ᵒp ᵖr ʳs ˢt ᵗu ᵘv ᵛw ʷx ˣy ʸz ᶻA ᴬB ᴮD ᴰE ᴱG ᴳH ᴴI ᴵJ ᴶK ᴷL ᴸM ᴹN ᴺO ᴼP ᴾR ᴿT ᵀU ᵁV ⱽW ᵂ*∗′′†††‡‡°°⊤ᵀ',
);
export const SUBSCRIPTS = pairs(
  '0₀1₁2₂3₃4₄5₅6₆7₇8₈9₉+₊-₋−₋=₌(₍)₎a ₐe ₑh ₕi ᵢj ⱼk ₖl ₗm ₘn ₙo ₒp ₚr ᵣs ₛt ₜu ᵤv ᵥx ₓβ ᵦγ ᵧρ ᵨφ ᵩχ ᵪ',
);

let tables: { symbols: Map<string, string>; asIs: Set<string>; operators: Set<string> } | undefined;

/** The command tables, built on first use: pages whose papers hold no TeX never pay for them. */
export function commandTables() {
  if (tables) return tables;
  const symbols = new Map<string, string>();
  const words = `${GREEK} ${SYMBOLS}`.split(' ');
  for (let index = 0; index + 1 < words.length; index += 2)
    symbols.set(words[index] as string, words[index + 1] as string);
  tables = { symbols, asIs: new Set(AS_IS.split(' ')), operators: new Set(OPERATORS) };
  return tables;
}

/** `"0⁰1¹a ᵃ"` → Map: each source character followed by its replacement (a space after letters keeps them apart). */
function pairs(list: string): Map<string, string> {
  const map = new Map<string, string>();
  const chars = [...list.replaceAll(' ', '')];
  for (let index = 0; index + 1 < chars.length; index += 2) map.set(chars[index] as string, chars[index + 1] as string);
  return map;
}

/** `\mathcal{O}` → 𝒪 and `\mathbb{R}` → ℝ: Unicode's letter-like symbols fill the holes of the math alphabets. */
export function mathAlphabet(kind: 'cal' | 'bb', char: string): string | undefined {
  const code = char.charCodeAt(0);
  const upper = code >= 65 && code <= 90;
  if (kind === 'cal') {
    if (!upper) return undefined;
    const hole = { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ' }[char];
    return hole ?? String.fromCodePoint(0x1d49c + code - 65);
  }
  if (upper) {
    const hole = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' }[char];
    return hole ?? String.fromCodePoint(0x1d538 + code - 65);
  }
  if (code >= 97 && code <= 122) return String.fromCodePoint(0x1d552 + code - 97);
  if (code >= 48 && code <= 57) return String.fromCodePoint(0x1d7d8 + code - 48);
  return undefined;
}
const STRUCTURE = new Set(['frac', 'dfrac', 'tfrac', 'sqrt', 'mathcal', 'mathscr', 'mathbb', 'mathbbm']);

/**
 * Whether every command in `tex` is one this module knows. Only such TeX is copied into other TeX (BibTeX):
 * a title's `\input{…}` or `\write18` must not reach someone's LaTeX run.
 */
export function onlyKnownCommands(tex: string): boolean {
  const { symbols, asIs, operators } = commandTables();
  for (const match of tex.matchAll(/\\([A-Za-z]+)/g)) {
    const name = match[1] as string;
    const known =
      symbols.has(name) ||
      asIs.has(name) ||
      operators.has(name) ||
      INVISIBLE.has(name) ||
      STRUCTURE.has(name) ||
      name in ACCENTS ||
      name in SPACES;
    if (!known) return false;
  }
  return true;
}
