// Unit and integration tests (Playwright e2e runs separately, see playwright.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/renderer: the page's components, type-checked with the DOM (tsconfig.web.json).
    include: [
      'test/unit/**/*.test.ts',
      'test/unit/**/*.test.tsx',
      'test/renderer/**/*.test.ts',
      'test/integration/**/*.test.ts',
    ],
    // Run alone, after the others: vitest.crash.config.ts.
    exclude: ['test/integration/sync-crash.test.ts', 'test/integration/imaging-crash.test.ts', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    restoreMocks: true,
    // `npm run bench [-- name]`: figures printed by vitest bench (mean, p75, p99, ops/s).
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
