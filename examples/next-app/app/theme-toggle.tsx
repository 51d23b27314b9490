'use client';
import { useState } from 'react';

/** The docs site's own theme switch: it sets <html data-theme>, as docs frameworks do. */
export function ThemeToggle() {
  const [dark, setDark] = useState(false);
  return (
    <button
      type="button"
      className="docs-theme-toggle"
      onClick={() => {
        document.documentElement.dataset.theme = dark ? 'light' : 'dark';
        setDark(!dark);
      }}
    >
      {dark ? 'Light theme' : 'Dark theme'}
    </button>
  );
}
