// RELAIS_BACKUPS_KEPT: how many database backups a station keeps; a value that is not a count from
// 1 to 366 refuses the start and names the setting.
import { describe, expect, it } from 'vitest';
import { backupsKeptFromEnv } from '../../../src/main/platform/database/database-settings';

describe('RELAIS_BACKUPS_KEPT', () => {
  it('keeps 7 when the site says nothing, else the count it gives', () => {
    expect(backupsKeptFromEnv({})).toBe(7);
    expect(backupsKeptFromEnv({ RELAIS_BACKUPS_KEPT: ' 30 ' })).toBe(30);
  });

  it.each(['0', '-1', '2.5', 'lots', '367'])('refuses %s, naming the setting', (value) => {
    expect(() => backupsKeptFromEnv({ RELAIS_BACKUPS_KEPT: value })).toThrow(
      /RELAIS_BACKUPS_KEPT must be how many database backups to keep, from 1 to 366/,
    );
  });
});
