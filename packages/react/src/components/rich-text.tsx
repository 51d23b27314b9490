'use client';
import type { SearchMatch } from '@papertrend/core';
import { splitTex } from '@papertrend/core/tex';
import { Fragment, type ReactNode } from 'react';
import { highlightPieces } from '../view.js';
import { MathText } from './math-text.js';

/** Text with search highlights. React renders strings as text: paper text is never interpreted as HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges?: SearchMatch['ranges'] | undefined }): ReactNode {
  return highlightPieces(text, ranges).map((piece, index) =>
    piece.mark ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional and never reorder
      <mark key={index} className="pt-mark">
        {piece.text}
      </mark>
    ) : (
      piece.text
    ),
  );
}

/** The ranges that fall inside `[start, end)`, moved to start at 0. */
function rangesWithin(ranges: SearchMatch['ranges'] | undefined, start: number, end: number): [number, number][] {
  const inside: [number, number][] = [];
  for (const [from, to] of ranges ?? []) {
    if (to > start && from < end) inside.push([Math.max(from, start) - start, Math.min(to, end) - start]);
  }
  return inside;
}

/**
 * A title, abstract or name as readers should see it: TeX as Unicode (`$\nabla^2$` → ∇²), math Unicode
 * cannot show as MathML, and search highlights on the characters they matched. Highlights are offsets into
 * the source text; text pieces keep theirs, and a converted piece is marked whole when a match touches it.
 */
export function RichText({ text, ranges }: { text: string; ranges?: SearchMatch['ranges'] | undefined }): ReactNode {
  const pieces = splitTex(text);
  if (pieces.length === 1 && pieces[0]?.kind === 'text') return <Highlighted text={text} ranges={ranges} />;
  return pieces.map((piece) => {
    const inside = rangesWithin(ranges, piece.start, piece.end);
    if (piece.kind === 'text') return <Highlighted key={piece.start} text={piece.text} ranges={inside} />;
    const shown = piece.math ? <MathText key="math" tex={piece.math} fallback={piece.text} /> : piece.text;
    return inside.length > 0 ? (
      <mark key={piece.start} className="pt-mark">
        {shown}
      </mark>
    ) : (
      <Fragment key={piece.start}>{shown}</Fragment>
    );
  });
}
