// The records' reserve on the data folder's disk, from RELAIS_DISK_RESERVE_MB: 200 MB by default,
// any whole number of MB (0: no reserve), and a clear refusal of anything else.
import { describe, expect, it } from 'vitest';
import { diskReserveFromEnv } from '../../../src/main/platform/disk/disk-settings';

const MB = 1024 * 1024;

describe('disk reserve setting', () => {
  it('keeps 200 MB by default, or the whole number of MB given', () => {
    expect(diskReserveFromEnv({})).toBe(200 * MB);
    expect(diskReserveFromEnv({ RELAIS_DISK_RESERVE_MB: ' ' })).toBe(200 * MB);
    expect(diskReserveFromEnv({ RELAIS_DISK_RESERVE_MB: '500' })).toBe(500 * MB);
    expect(diskReserveFromEnv({ RELAIS_DISK_RESERVE_MB: '0' })).toBe(0);
  });

  it('refuses what is not a whole number of MB, naming the setting', () => {
    for (const raw of ['-5', '1.5', '200MB', 'beaucoup']) {
      expect(() => diskReserveFromEnv({ RELAIS_DISK_RESERVE_MB: raw })).toThrow(
        /RELAIS_DISK_RESERVE_MB must be a whole number of MB/,
      );
    }
  });
});
