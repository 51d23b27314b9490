import react from '@astrojs/react';
import { rehypePaperCards } from '@papertrend/markdown';
import { defineConfig } from 'astro/config';
import { paperClient } from './src/paper-client.mjs';

// Astro 5 (Astro 6 and later need Node 22). The widget is a React island; `dedupe` keeps one React in this
// monorepo, where @papertrend/react has React in its own devDependencies (an install from the registry has one).
// An arXiv or Hugging Face paper link alone on its line in Markdown becomes the paper's card at build time.
export default defineConfig({
  integrations: [react()],
  markdown: { rehypePlugins: [[rehypePaperCards, { client: paperClient }]] },
  vite: { resolve: { dedupe: ['react', 'react-dom'] } },
});
