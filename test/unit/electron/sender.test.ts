// The sender-frame check every IPC call passes (model: VS Code validateSender).
import { describe, expect, it, vi } from 'vitest';
import { isTrustedSender } from '../../../src/main/electron/sender';

vi.mock('electron', () => {
  throw new Error('sender must not import electron at run time');
});

describe('isTrustedSender', () => {
  it('accepts the top-level app frame', () => {
    expect(isTrustedSender({ url: 'app://relais/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://relais/patients/42', parent: null })).toBe(true);
  });

  it('refuses a subframe, even on the app origin', () => {
    const top = { url: 'app://relais/index.html', parent: null };
    expect(isTrustedSender({ url: 'app://relais/index.html', parent: top })).toBe(false);
  });

  it('refuses a frame whose parent is unknown rather than null', () => {
    expect(isTrustedSender({ url: 'app://relais/index.html', parent: undefined })).toBe(false);
  });

  it.each([
    ['https://evil.example/'],
    ['file:///opt/relais/out/renderer/index.html'],
    ['http://127.0.0.1:5173/'],
    ['app://evil/index.html'],
    ['app://relais:1/index.html'],
    ['about:blank'],
    ['data:text/html,<script>1</script>'],
    [''],
  ])('refuses a top-level frame on %s', (url) => {
    expect(isTrustedSender({ url, parent: null })).toBe(false);
  });

  it('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a disposed frame that throws on access', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(disposed)).toBe(false);
  });
});
