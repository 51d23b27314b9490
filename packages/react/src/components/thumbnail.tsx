'use client';
import type { Paper } from '@papertrend/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Labels } from '../labels.js';
import type { PaperView } from '../view.js';

/**
 * A preview image with its size stated up front, so nothing moves when it arrives. One that fails to load
 * (offline, blocked by a CSP, gone) is removed instead of showing a broken-image box, also when it failed
 * before the page hydrated. `rewrite` is the site owner's `thumbnailSrc`: the address to load instead, or none.
 */
export function Thumbnail({
  view,
  paper,
  rewrite,
  labels,
  width,
}: {
  view: PaperView;
  paper: Paper;
  rewrite: ((url: string, paper: Paper) => string | undefined) | undefined;
  labels: Labels;
  width: number;
}): ReactNode {
  const image = useRef<HTMLImageElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const node = image.current;
    // A broken image is complete with no width; one not loaded yet (lazy, below the fold) is not complete.
    if (node?.complete && node.naturalWidth === 0 && node.currentSrc !== '') setFailed(true);
  }, []);
  const src = view.thumbnail && (rewrite ? rewrite(view.thumbnail, paper) : view.thumbnail);
  if (failed || !src) return null;
  return (
    // `src` last: a renderer that sets attributes in order (preact, in the embed) must have `loading="lazy"`
    // and the referrer policy in place before the image is asked for, or every image loads at once.
    <img
      ref={image}
      className="pt-thumb"
      alt={labels.thumbnailAlt(view.titleText)}
      width={width}
      height={Math.round((width * 9) / 16)}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      src={src}
    />
  );
}
