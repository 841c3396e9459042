// The OS keychain that seals the station's data key: Electron's safeStorage (DPAPI on Windows,
// Keychain on macOS, libsecret or KWallet on Linux). Null when the OS offers none, so that the
// station falls back to its weaker key file and says so.
import type { SafeStorage } from 'electron';
import type { KeySealer } from '../platform/security/data-key';

export type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

function backendOf(safeStorage: SafeStorageApi, platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'dpapi';
  if (platform === 'darwin') return 'keychain';
  return safeStorage.getSelectedStorageBackend();
}

/** Call after the app is ready: before that, Linux reports no encryption. */
export function safeStorageSealer(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): KeySealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    backend: backendOf(safeStorage, platform),
    // safeStorage seals strings: the key travels as base64, never written anywhere in that form.
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
