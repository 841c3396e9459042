// A small tmpfs to hold a station's data folder, for the disk-full tests (vitest and Playwright):
// mounted, filled to its last bytes on demand, emptied again, unmounted. Mounting needs root
// (these machines and CI run the tests as root): a refused mount fails the test, never skips it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Tmpfs {
  /** The mount point; put the data folder inside it (`${root}/data`), the filler goes beside. */
  root: string;
  /** Bytes free now, as the station sees them. */
  free(): number;
  /** Fills the disk until at most `leaveBytes` are free (tmpfs counts in pages of 4 KiB). */
  fill(leaveBytes?: number): void;
  /** Removes what fill() wrote: the space comes back. */
  release(): void;
  /** Unmounts it (lazily if a file is still open) and removes the mount point. */
  unmount(): void;
}

const FILLER_PIECE = 64 * 1024;

export function mountTmpfs(sizeMb: number): Tmpfs {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', root], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    const said = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new Error(
      `This test needs root to mount a small tmpfs as a full disk (mount -t tmpfs): run it as root, as CI does. mount said: ${said}`,
      { cause: error },
    );
  }
  const fillers: string[] = [];
  const free = () => {
    const stats = fs.statfsSync(root);
    return stats.bavail * stats.bsize;
  };
  return {
    root,
    free,
    fill(leaveBytes = 0) {
      const file = path.join(root, `filler-${fillers.length}`);
      fillers.push(file);
      const fd = fs.openSync(file, 'w');
      const piece = Buffer.alloc(FILLER_PIECE, 0x5a);
      try {
        for (let room = free() - leaveBytes; room > 0; room = free() - leaveBytes) {
          fs.writeSync(fd, piece, 0, Math.min(piece.length, room));
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
    },
    release() {
      for (const file of fillers.splice(0)) fs.rmSync(file, { force: true });
    },
    unmount() {
      try {
        execFileSync('umount', [root], { stdio: 'pipe' });
      } catch {
        // A file still open (a station not closed by a failed test): detach it anyway.
        execFileSync('umount', ['-l', root], { stdio: 'pipe' });
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
