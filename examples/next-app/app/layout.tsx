import '@papertrend/react/styles.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './docs.css';
import { ThemeToggle } from './theme-toggle';

export const metadata: Metadata = {
  title: 'Docs — papers this week',
  description: 'A docs site page with the papertrend widget rendered on the server.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // Docs themes (Nextra, Docusaurus) put the theme on <html>; the widget follows it with no prop.
    <html lang="en" data-theme="light" suppressHydrationWarning>
      <body>
        <header className="docs-header">
          <span className="docs-name">Acme ML docs</span>
          <ThemeToggle />
        </header>
        {children}
      </body>
    </html>
  );
}
