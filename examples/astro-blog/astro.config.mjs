import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// Astro 5 (Astro 6 and later need Node 22). The widget is a React island; `dedupe` keeps one React in this
// monorepo, where @papertrend/react has React in its own devDependencies (an install from the registry has one).
export default defineConfig({
  integrations: [react()],
  vite: { resolve: { dedupe: ['react', 'react-dom'] } },
});
