'use client';
import type { ComponentType, ReactNode } from 'react';
import type { LoadFailure } from '../hooks/load-src.js';
import { defaultLabels, type Labels } from '../labels.js';
import { PaperCard, type PaperCardProps } from './paper-card.js';
import { PapersSkeleton } from './papers-skeleton.js';

/** The parts of an embedded paper a site can replace, as react-tweet's `components` does. */
export interface EmbeddedPaperComponents {
  /** The card itself (default `PaperCard`), given the same props. */
  PaperCard?: ComponentType<PaperCardProps>;
  /** Shown while the paper loads (default `PaperSkeleton`). */
  PaperSkeleton?: ComponentType<PaperStateProps>;
  /** Shown for a paper neither service knows (default `PaperNotFound`). */
  PaperNotFound?: ComponentType<PaperNotFoundProps>;
}

/** What the states around one paper share: the frame's theme, labels and class. */
export interface PaperStateProps {
  /** As `TrendingPapersProps.theme` (default `auto`). */
  theme?: 'light' | 'dark' | 'auto' | 'page';
  labels?: Partial<Labels>;
  className?: string;
}

export interface PaperNotFoundProps extends PaperStateProps {
  /** The arXiv id asked for (`PaperNotFoundError.id`); when it is one, the card links to arXiv's page for it. */
  id?: string | undefined;
}

/** An arXiv id without version, new style or old (`2106.09685`, `math/0611800`): safe to put in a URL. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+\/\d{7})$/;

export interface EmbeddedPaperProps extends Omit<PaperCardProps, 'labels' | 'matches'>, PaperStateProps {
  components?: EmbeddedPaperComponents;
}

/** The frame every one-paper state is drawn in: the widget's root, so themes and host-proofing apply. */
function Frame({
  theme = 'auto',
  className,
  busy,
  children,
}: PaperStateProps & { busy?: boolean; children: ReactNode }): ReactNode {
  return (
    <div
      className={className ? `pt-root pt-embedded ${className}` : 'pt-root pt-embedded'}
      data-pt-theme={theme}
      aria-busy={busy ? true : undefined}
    >
      {children}
    </div>
  );
}

const labelsOf = (labels: Partial<Labels> | undefined): Labels =>
  labels ? { ...defaultLabels, ...labels } : defaultLabels;

/** The frame props among a component's props, without the ones it leaves unset. */
export function frameOf({
  theme,
  labels,
  className,
}: { [Key in keyof PaperStateProps]?: PaperStateProps[Key] | undefined }): PaperStateProps {
  const frame: PaperStateProps = {};
  if (theme) frame.theme = theme;
  if (labels) frame.labels = labels;
  if (className) frame.className = className;
  return frame;
}

/**
 * One paper as a card of its own, for a blog post about it: the data is yours (from `getPaper`, a build step,
 * a saved JSON). Any React, server rendering included; `Paper` fetches it for you.
 */
export function EmbeddedPaper({ theme, labels, className, components, ...card }: EmbeddedPaperProps): ReactNode {
  const Card = components?.PaperCard ?? PaperCard;
  return (
    <Frame {...frameOf({ theme, className })}>
      <Card headingLevel={3} {...card} labels={labelsOf(labels)} />
    </Frame>
  );
}

/** The placeholder while one paper loads: a card's shape, and `labels.loading` for screen readers. */
export function PaperSkeleton({ labels, ...frame }: PaperStateProps): ReactNode {
  return (
    <Frame {...frame} busy>
      <p className="pt-sr" role="status">
        {labelsOf(labels).loading}
      </p>
      <PapersSkeleton count={1} />
    </Frame>
  );
}

/** A paper neither Hugging Face nor arXiv knows: said plainly, with arXiv's page when `id` is an arXiv id. */
export function PaperNotFound({ id, labels, ...frame }: PaperNotFoundProps): ReactNode {
  const text = labelsOf(labels);
  const arxivId = id !== undefined && ARXIV_ID.test(id) ? id : undefined;
  return (
    <Frame {...frame}>
      <div className="pt-card pt-not-found">
        <p>{text.paperNotFound}</p>
        {arxivId ? (
          <a className="pt-link" href={`https://arxiv.org/abs/${arxivId}`} rel="noopener noreferrer" target="_blank">
            {text.openOnArxiv(arxivId)}
          </a>
        ) : null}
      </div>
    </Frame>
  );
}

/** A paper that could not be loaded: a short message by kind, and a retry where one can help. */
export function PaperError({
  failure,
  retry,
  labels,
  ...frame
}: PaperStateProps & { failure: LoadFailure; retry: () => void }): ReactNode {
  const text = labelsOf(labels);
  return (
    <Frame {...frame}>
      <div className="pt-error" role="alert">
        <p>{text.paperError}</p>
        <p className="pt-error-detail">{text.errorHint[failure]}</p>
        {/* A refused request fails the same way again: no button that cannot help. */}
        {failure === 'refused' ? null : (
          <button type="button" className="pt-button" onClick={retry}>
            {text.retry}
          </button>
        )}
      </div>
    </Frame>
  );
}
