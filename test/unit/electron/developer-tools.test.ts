// The developer switch: DevTools and Electron's default menu only with RELAIS_DEV_TOOLS=1, never
// by default (a packaged build included), and never from a value that merely looks true.
import { describe, expect, it, vi } from 'vitest';
import { DEV_TOOLS_SWITCH, developerToolsAllowed } from '../../../src/main/electron/developer-tools';

vi.mock('electron', () => {
  throw new Error('developer-tools must not import electron at run time');
});

describe('the developer switch', () => {
  it('is RELAIS_DEV_TOOLS', () => {
    expect(DEV_TOOLS_SWITCH).toBe('RELAIS_DEV_TOOLS');
  });

  it('is off when the variable is not set', () => {
    expect(developerToolsAllowed({})).toBe(false);
  });

  it('is on with RELAIS_DEV_TOOLS=1 only', () => {
    expect(developerToolsAllowed({ RELAIS_DEV_TOOLS: '1' })).toBe(true);
    for (const value of ['', '0', 'true', 'yes', 'on', ' 1', '1 ', '01']) {
      expect(developerToolsAllowed({ RELAIS_DEV_TOOLS: value }), JSON.stringify(value)).toBe(false);
    }
  });
});
