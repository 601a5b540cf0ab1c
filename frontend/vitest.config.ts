import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';
import { SummaryReporter } from './scripts/summary-reporter.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/__tests__/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
      reporters: ['default', new SummaryReporter('frontend')],
    },
  }),
);
