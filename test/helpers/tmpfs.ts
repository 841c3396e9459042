// A small tmpfs per vitest test as a full disk (tmpfs-mount.ts), unmounted after the test.
import { afterEach } from 'vitest';
import { mountTmpfs, type Tmpfs } from './tmpfs-mount';

export type { Tmpfs };

export function useTmpfs(): (sizeMb: number) => Tmpfs {
  const mounted: Tmpfs[] = [];
  afterEach(() => {
    for (const disk of mounted.splice(0)) disk.unmount();
  });
  return (sizeMb) => {
    const disk = mountTmpfs(sizeMb);
    mounted.push(disk);
    return disk;
  };
}
