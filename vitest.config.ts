// Unit and integration tests (Playwright e2e runs separately, see playwright.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    restoreMocks: true,
    // `npm run bench [-- name]`: figures printed by vitest bench (mean, p75, p99, ops/s).
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
