import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../src/main/platform/data-dir';

describe('data folder', () => {
  it('is RELAIS_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ env: { RELAIS_DATA_DIR: 'data' }, platform: 'linux', home: '/home/n' })).toBe(
      path.resolve('data'),
    );
  });
  it('is the OS app-data folder Electron would use otherwise', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/n' })).toBe('/home/n/.config/Relais');
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/home/n' })).toBe(
      '/cfg/Relais',
    );
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/n' })).toBe(
      '/Users/n/Library/Application Support/Relais',
    );
    expect(
      resolveDataDir({ env: { APPDATA: 'C:\\Users\\n\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\n' }),
    ).toBe(path.join('C:\\Users\\n\\AppData\\Roaming', 'Relais'));
  });
});
