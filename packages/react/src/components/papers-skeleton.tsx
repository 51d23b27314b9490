import type { ReactNode } from 'react';
import type { Variant } from './types.js';

/**
 * Placeholders while papers load, shaped like the variant's items, hidden from assistive technology: the
 * widget's status line says `labels.loading` instead.
 */
export function PapersSkeleton({ count = 3, variant = 'card' }: { count?: number; variant?: Variant }): ReactNode {
  const compact = variant === 'compact';
  return (
    <ul className={compact ? 'pt-skeleton pt-compact' : 'pt-skeleton'} aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders
        <li key={index} className="pt-skeleton-card">
          <span className="pt-skeleton-line pt-skeleton-title" />
          {compact ? null : <span className="pt-skeleton-line" />}
          <span className="pt-skeleton-line pt-skeleton-short" />
        </li>
      ))}
    </ul>
  );
}
