import type { ReactNode } from 'react';

/*
 * Small inline icons: no icon font, no request, `currentColor`, hidden from assistive technology (the text
 * beside each says what it is). 16-unit paths keep each one a few dozen bytes.
 */
/** The icons the widget draws. */
export type IconName = 'upvote' | 'code' | 'project' | 'pdf' | 'abstract' | 'star' | 'comment' | 'sparkle';

const PATHS: Record<IconName, string> = {
  upvote: 'M8 3l6 8H2z',
  code: 'M5.5 4L1.5 8l4 4M10.5 4l4 4-4 4',
  project: 'M8 1.5a6.5 6.5 0 100 13 6.5 6.5 0 000-13zM1.5 8h13M8 1.5c2 2 2 11 0 13M8 1.5c-2 2-2 11 0 13',
  pdf: 'M4 1.5h5l3.5 3.5v9.5H4zM9 1.5V5h3.5',
  abstract: 'M4 1.5h5l3.5 3.5v9.5H4zM9 1.5V5h3.5M6 8.5h4M6 11h4',
  star: 'M8 1.5l1.9 4.1 4.4.5-3.3 3 .9 4.4L8 11.3l-3.9 2.2.9-4.4-3.3-3 4.4-.5z',
  comment: 'M2 2.5h12v8H7l-3 3v-3H2z',
  sparkle: 'M8 1.5l1.5 5 5 1.5-5 1.5-1.5 5-1.5-5-5-1.5 5-1.5z',
};

/**
 * An icon, hidden from assistive technology. Filled icons are drawn by their shape and the others by their
 * outline; the stylesheet (`.pt-icon`, `.pt-icon-filled`) says how, so each icon is two elements with few
 * attributes (a listing draws hundreds). `width` and `height` stay, so that an icon stays icon-sized on a
 * page that forgot the stylesheet.
 */
export function Icon({ name }: { name: IconName }): ReactNode {
  const filled = name === 'upvote' || name === 'sparkle';
  return (
    <svg
      className={filled ? `pt-icon pt-icon-filled pt-icon-${name}` : `pt-icon pt-icon-${name}`}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
