'use client';
import { type ReactNode, useId } from 'react';

/** A labelled `<select>` of the toolbar; `options` maps each value to its label, in order. */
export function Choice({
  className,
  label,
  value,
  options,
  onChange,
}: {
  className: string;
  label: string;
  value: string;
  options: Record<string, string>;
  onChange: (value: string) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className={`${className}-group`}>
      <label className={`${className}-label`} htmlFor={id}>
        {label}
      </label>
      <select id={id} className={className} value={value} onChange={(event) => onChange(event.target.value)}>
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
