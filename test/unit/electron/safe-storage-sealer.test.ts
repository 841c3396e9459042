// The OS keychain behind the data key: sealed and unsealed through safeStorage, named by backend
// (so that Linux without a keyring is reported), and absent when the OS offers no encryption.
import { describe, expect, it, vi } from 'vitest';
import { safeStorageSealer, type SafeStorageApi } from '../../../src/main/electron/safe-storage-sealer';

vi.mock('electron', () => {
  throw new Error('safe-storage-sealer must not import electron at run time');
});

function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageApi & { sealedTexts: string[] } {
  const sealedTexts: string[] = [];
  return {
    sealedTexts,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as ReturnType<SafeStorageApi['getSelectedStorageBackend']>,
    encryptString: (text) => (sealedTexts.push(text), Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a))),
    decryptString: (sealed) => Buffer.from(Buffer.from(sealed).map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

describe('safeStorageSealer', () => {
  it('seals the key through safeStorage and gives the same bytes back', () => {
    const storage = fakeSafeStorage(true);
    const sealer = safeStorageSealer(storage, 'linux')!;
    const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const sealed = sealer.seal(key);
    expect(sealed.includes(key)).toBe(false);
    expect(sealer.unseal(sealed).equals(key)).toBe(true);
    expect(storage.sealedTexts).toEqual([key.toString('base64')]);
  });

  it('names the keychain: Linux as safeStorage reports it (basic_text is none), DPAPI and Keychain elsewhere', () => {
    expect(safeStorageSealer(fakeSafeStorage(true, 'basic_text'), 'linux')!.backend).toBe('basic_text');
    expect(safeStorageSealer(fakeSafeStorage(true, 'kwallet5'), 'linux')!.backend).toBe('kwallet5');
    expect(safeStorageSealer(fakeSafeStorage(true), 'win32')!.backend).toBe('dpapi');
    expect(safeStorageSealer(fakeSafeStorage(true), 'darwin')!.backend).toBe('keychain');
  });

  it('is absent when the OS offers no encryption, so the station falls back to its key file', () => {
    expect(safeStorageSealer(fakeSafeStorage(false), 'linux')).toBeNull();
  });
});
