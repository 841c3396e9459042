// The external-link allow-list, and that shell.openExternal only ever sees allowed URLs.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { openExternal } = vi.hoisted(() => ({ openExternal: vi.fn((_url: string) => Promise.resolve()) }));
vi.mock('electron', () => ({ shell: { openExternal } }));

import { isAllowedExternalUrl, openExternalSafely } from '../../../src/main/electron/open-external';

beforeEach(() => openExternal.mockClear());

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://esante.gouv.fr/'],
    ['https://hub.relais.example.fr/help?topic=camera'],
    ['mailto:support@relais.example.fr'],
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    ['http://example.com/', 'clear text'],
    ['file:///etc/passwd', 'local file'],
    ['file://server/share/x.exe', 'UNC file'],
    ['smb://server/share', 'network share'],
    ['javascript:alert(1)', 'script'],
    ['JAVASCRIPT:alert(1)', 'script, upper case'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['vbscript:msgbox', 'script'],
    ['ms-msdt:/id PCWDiagnostic', 'custom scheme (Follina)'],
    ['search-ms:query=x', 'custom scheme'],
    ['app://relais/index.html', 'our own scheme'],
    ['ftp://example.com/', 'ftp'],
    ['https://user:pw@example.com/', 'credentials'],
    ['https://user@example.com/', 'username'],
    ['https://esante.gouv.fr@evil.example/', 'misleading userinfo'],
    ['not a url', 'unparsable'],
    ['', 'empty'],
    ['https://' + 'a'.repeat(3000) + '.fr/', 'too long'],
  ])('refuses %s (%s)', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('openExternalSafely', () => {
  it('hands an allowed URL to the OS', () => {
    expect(openExternalSafely('https://esante.gouv.fr/')).toBe(true);
    expect(openExternalSafely('mailto:support@relais.example.fr')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://esante.gouv.fr/'], ['mailto:support@relais.example.fr']]);
  });

  it('never calls shell.openExternal for a refused URL', () => {
    for (const url of ['http://x/', 'file:///etc/passwd', 'smb://s/x', 'javascript:1', 'ms-msdt:x', 'https://u:p@x/']) {
      expect(openExternalSafely(url)).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
