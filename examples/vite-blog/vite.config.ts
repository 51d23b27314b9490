import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // In this monorepo @papertrend/react is a symlink whose own node_modules hold React 19 (it is developed
  // on 19); dedupe makes it use the blog's React 18, as an install from the registry would.
  resolve: { dedupe: ['react', 'react-dom'] },
});
