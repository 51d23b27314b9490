'use client';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { defaultLabels } from '../labels.js';
import { formatCount } from '../view.js';
import { type PaperCardProps, PaperDate, useView } from './paper-card.js';
import { Thumbnail } from './thumbnail.js';
import { Title } from './title.js';

export interface PaperRowProps extends PaperCardProps {
  /** The paper's place in the list, from 1. */
  rank: number;
}

/**
 * One paper in one or two lines: rank, title link, date and upvotes (the `compact` variant). A title longer
 * than two lines opens in full on hover and keyboard focus, and carries it as a tooltip.
 */
export function PaperRow({
  paper,
  rank,
  matches,
  labels = defaultLabels,
  locale,
  now,
  headingLevel = 3,
  onSelect,
  showThumbnail,
  thumbnailSrc,
  date,
}: PaperRowProps): ReactNode {
  const view = useView(paper, locale, now, date);
  const titleId = useId();
  return (
    <article className="pt-row" aria-labelledby={titleId}>
      {/* The list is an <ol>: assistive technology already announces the position. */}
      <span className="pt-rank" aria-hidden="true">
        {rank}
      </span>
      <div className="pt-row-body">
        <Title
          id={titleId}
          view={view}
          paper={paper}
          matches={matches}
          headingLevel={headingLevel}
          onSelect={onSelect}
          tooltip
        />
        <p className="pt-meta">
          <PaperDate view={view} labels={labels} />
          {view.upvotes === undefined ? null : (
            <span className="pt-upvotes">{labels.upvotes(formatCount(view.upvotes, locale), view.upvotes)}</span>
          )}
        </p>
      </div>
      {showThumbnail ? <Thumbnail view={view} paper={paper} rewrite={thumbnailSrc} labels={labels} width={64} /> : null}
    </article>
  );
}
