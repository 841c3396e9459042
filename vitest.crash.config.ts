// The crash test alone (npm test runs it after the others): it spawns and kills station
// processes for about a minute and would starve the timing-sensitive device tests beside it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/integration/sync-crash.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 300_000,
  },
});
