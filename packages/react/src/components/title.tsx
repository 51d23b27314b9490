'use client';
import type { Paper, SearchMatch } from '@papertrend/core';
import type { ReactNode } from 'react';
import type { PaperView } from '../view.js';
import { RichText } from './rich-text.js';
import type { HeadingLevel } from './types.js';

export function rangesOf(matches: readonly SearchMatch[] | undefined, field: SearchMatch['field'], index?: number) {
  return matches?.find((match) => match.field === field && (index === undefined || match.index === index))?.ranges;
}

/** The title as a heading, linked to the paper's page when it has a safe one. */
export function Title({
  id,
  view,
  paper,
  matches,
  headingLevel,
  onSelect,
  tooltip,
}: {
  id: string;
  view: PaperView;
  paper: Paper;
  matches: readonly SearchMatch[] | undefined;
  headingLevel: HeadingLevel;
  onSelect: ((paper: Paper) => void) | undefined;
  /** Give the link the whole title as a tooltip (compact rows cut it at two lines). */
  tooltip?: boolean;
}): ReactNode {
  const title = <RichText text={view.title} ranges={rangesOf(matches, 'title')} />;
  // JSX, not `createElement`: a development build of React's `createElement` asks the renderer for the owner,
  // which a production renderer loaded beside it (a host that sets NODE_ENV late, as Docusaurus does) lacks.
  const Heading = `h${headingLevel}` as const;
  return (
    <Heading className="pt-title" id={id}>
      {view.href ? (
        <a
          className="pt-title-link"
          href={view.href}
          rel="noopener noreferrer"
          target="_blank"
          title={tooltip ? view.titleText : undefined}
          onClick={onSelect ? () => onSelect(paper) : undefined}
        >
          {title}
        </a>
      ) : (
        title
      )}
    </Heading>
  );
}
