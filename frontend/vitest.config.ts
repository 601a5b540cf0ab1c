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
      // The tests wait for what the page shows, never for a time: these bounds only catch a
      // hang, so a busy laptop (a whole jsdom editor render can take seconds) is not a failure.
      testTimeout: 60_000,
      reporters: ['default', new SummaryReporter('frontend')],
    },
  }),
);
