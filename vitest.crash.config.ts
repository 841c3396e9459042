// The crash tests alone (npm test runs them after the others), one after the other, in this
// order: each spawns and kills station processes for about a minute and would starve the
// timing-sensitive device tests, or each other, beside it.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const CRASH_TESTS = ['test/integration/sync-crash.test.ts', 'test/integration/imaging-crash.test.ts'];

class InOrder extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => CRASH_TESTS.findIndex((name) => file.moduleId.endsWith(name));
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b)));
  }
}

export default defineConfig({
  test: {
    include: CRASH_TESTS,
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    sequence: { sequencer: InOrder },
    // A bound against a hang only: the sync crash test takes 132 s on a quiet 2-core machine and over
    // 240 s beside other test runs.
    testTimeout: 600_000,
  },
});
