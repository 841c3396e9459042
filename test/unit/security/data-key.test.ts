// The data key: made once and found again; kept in the OS keychain when there is one, else in a
// private key file outside the data folder, said to be weaker; never replaced while records
// depend on it; and every problem with it said in words a technician can act on.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/platform/database/connection';
import { DataKeyError, defaultKeyFile, loadDataKeys, SEALED_KEY_FILE, type KeySealer } from '../../../src/main/platform/security/data-key';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-key-');

/** Stands for safeStorage: a secret only this "OS account" holds. */
function fakeKeychain(backend = 'gnome_libsecret'): KeySealer & { account: Buffer } {
  const account = randomBytes(32);
  return {
    backend,
    account,
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', account, iv);
      return Buffer.concat([iv, cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
    },
    unseal(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', account, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    },
  };
}

function dataDir(): string {
  const dir = path.join(tempDir(), 'Relais');
  fs.mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/** A data folder whose records were written under some key. */
function encryptedRecordsIn(dir: string): void {
  openDatabase(path.join(dir, 'relais.sqlite'), randomBytes(32)).close();
}

describe('the data key in a key file (browser mode, tests)', () => {
  it('is made on the first run beside the data folder, private, marked weaker, and found again', () => {
    const dir = dataDir();
    const first = loadDataKeys({ dataDir: dir });
    const file = defaultKeyFile(dir);
    expect(path.dirname(file)).toBe(path.dirname(dir));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'relais-data-key/1', warning: expect.stringMatching(/WEAKER THAN THE OS KEYCHAIN/) });
    expect(first).toMatchObject({ protection: 'key-file', keyPath: file, weaknesses: ['key_in_file'] });
    const again = loadDataKeys({ dataDir: dir });
    expect(again.database.equals(first.database)).toBe(true);
    expect(again.files.equals(first.files)).toBe(true);
    expect(first.database.equals(first.files)).toBe(false);
  });

  it('is said to travel with the folder when it is put inside it', () => {
    const dir = dataDir();
    expect(loadDataKeys({ dataDir: dir, keyFile: path.join(dir, 'key.json') }).weaknesses).toEqual(['key_in_file', 'key_file_inside_data_folder']);
  });

  it('is refused when other accounts can read it, with the command that fixes it', () => {
    const dir = dataDir();
    loadDataKeys({ dataDir: dir });
    fs.chmodSync(defaultKeyFile(dir), 0o644);
    expect(() => loadDataKeys({ dataDir: dir })).toThrow(/can be read by other accounts \(mode 644\): run "chmod 600/);
  });

  it('is never replaced when the records it encrypted are there without it', () => {
    const dir = dataDir();
    encryptedRecordsIn(dir);
    expect(() => loadDataKeys({ dataDir: dir })).toThrow(DataKeyError);
    expect(() => loadDataKeys({ dataDir: dir })).toThrow(/are encrypted, but their key is not at .*Restore the key/);
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
  });

  it('is refused, not overwritten, when its file is damaged', () => {
    const dir = dataDir();
    for (const garbage of ['{"format":"relais-data-key/1","key":"12"}', 'not json', '{"format":"other","key":"' + 'a'.repeat(64) + '"}']) {
      fs.writeFileSync(defaultKeyFile(dir), garbage, { mode: 0o600 });
      expect(() => loadDataKeys({ dataDir: dir })).toThrow(/restore it from its backup/);
      expect(fs.readFileSync(defaultKeyFile(dir), 'utf8')).toBe(garbage);
    }
  });
});

describe('the data key in the OS keychain (Electron safeStorage)', () => {
  it('is kept sealed in the data folder, with no key file, and found again by the same account only', () => {
    const dir = dataDir();
    const keychain = fakeKeychain();
    const first = loadDataKeys({ dataDir: dir, sealer: keychain });
    expect(first).toMatchObject({ protection: 'os-keychain', keyPath: path.join(dir, SEALED_KEY_FILE), weaknesses: [] });
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
    expect(loadDataKeys({ dataDir: dir, sealer: keychain }).database.equals(first.database)).toBe(true);
    expect(() => loadDataKeys({ dataDir: dir, sealer: fakeKeychain() })).toThrow(/OS keychain could not open the station's data key.*account that set it up/);
  });

  it('takes over the key file of a station first run in browser mode, then removes that weaker file', () => {
    const dir = dataDir();
    const before = loadDataKeys({ dataDir: dir });
    const after = loadDataKeys({ dataDir: dir, sealer: fakeKeychain() });
    expect(after.database.equals(before.database)).toBe(true);
    expect(after.files.equals(before.files)).toBe(true);
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
  });

  // Issue 16, point 8: safeStorage's basic_text backend seals with a password written in Chromium's
  // source, so the "sealed" key is as good as in the clear: refused unless the site allows it.
  it('refuses an OS without a real keyring (basic_text), with the reason and what to do', () => {
    const dir = dataDir();
    expect(() => loadDataKeys({ dataDir: dir, sealer: fakeKeychain('basic_text') })).toThrow(/no keyring.*RELAIS_ALLOW_NO_KEYRING=1/s);
    expect(fs.existsSync(path.join(dir, SEALED_KEY_FILE))).toBe(false);
  });

  it('accepts basic_text only when the site allows it, and still says it is weaker', () => {
    expect(loadDataKeys({ dataDir: dataDir(), sealer: fakeKeychain('basic_text'), allowNoKeyring: true }).weaknesses).toEqual(['no_os_keyring']);
  });

  it('is never replaced when the records are there but the sealed key is not', () => {
    const dir = dataDir();
    encryptedRecordsIn(dir);
    expect(() => loadDataKeys({ dataDir: dir, sealer: fakeKeychain() })).toThrow(/are encrypted, but their key is not at/);
    expect(fs.existsSync(path.join(dir, SEALED_KEY_FILE))).toBe(false);
  });
});
