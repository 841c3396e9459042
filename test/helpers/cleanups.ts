// Things to stop after each test (simulators, cables, transports), stopped in reverse order.
import { afterEach } from 'vitest';

export function useCleanups(): (cleanup: () => Promise<unknown> | unknown) => void {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}
