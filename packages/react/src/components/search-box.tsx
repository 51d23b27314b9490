'use client';
import { type ChangeEvent, type ReactNode, useId } from 'react';
import { defaultLabels, type Labels } from '../labels.js';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  labels?: Labels;
}

/** A labelled search input. It captures no global keys. */
export function SearchBox({ value, onChange, labels = defaultLabels }: SearchBoxProps): ReactNode {
  const id = useId();
  return (
    // No search landmark: pages often hold several widgets, and unnamed duplicate landmarks confuse more
    // than they help (axe's landmark-unique). The input is labelled and type="search".
    <div className="pt-search">
      <label className="pt-search-label" htmlFor={id}>
        {labels.searchLabel}
      </label>
      <input
        id={id}
        className="pt-search-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={labels.searchPlaceholder}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </div>
  );
}
