import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs'],
  // Real listings for the `src` stories, served beside the built Storybook: no network involved.
  staticDirs: [
    { from: '../../core/test/fixtures/hf-api', to: '/fixtures/hf-api' },
    { from: '../test/fixtures', to: '/fixtures' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [react()],
      // Stories read core from source, like the tests, so `pnpm storybook` needs no build first.
      resolve: { conditions: ['@papertrend/source', ...defaultClientConditions] },
    }),
};

export default config;
