// The station's data key: one random 256-bit secret, from which the database key and the files
// key are derived. Under Electron it is sealed by the OS keychain (safeStorage: DPAPI, Keychain,
// libsecret) and kept sealed in the data folder; in browser mode and tests it sits in a key file
// outside the data folder, which is weaker: whoever can read that file can read the records.
import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseKind } from '../database/connection';

/** Seals a secret with the OS user's keychain (implemented in src/main/electron with safeStorage). */
export interface KeySealer {
  /** The keychain backend, as Electron names it ("gnome_libsecret", "kwallet5", "dpapi"...); "basic_text" is no keychain at all. */
  backend: string;
  seal(secret: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

export type KeyProtection = 'os-keychain' | 'key-file';
/** What makes the protection weaker than it should be (the screen says it in the person's language). */
export type KeyWeakness = 'key_in_file' | 'key_file_inside_data_folder' | 'no_os_keyring';

/** The weaknesses in words, for the logs the hospital's IT reads. */
export const KEY_WEAKNESS_TEXT: Record<KeyWeakness, string> = {
  key_in_file: 'The data key is in a file, not in the OS keychain (browser mode): anyone who can read that file can read the records.',
  key_file_inside_data_folder: 'The key file is inside the data folder: a copy of the folder carries its key.',
  no_os_keyring: "The OS has no keyring for this account (Electron falls back to a fixed password): install and unlock GNOME Keyring or KWallet for the station's account.",
};

export interface DataKeys {
  protection: KeyProtection;
  /** Where the key is kept: the sealed file or the key file. */
  keyPath: string;
  /** What makes this protection weaker than it should be, said to the hospital's IT on the status screen. */
  weaknesses: KeyWeakness[];
  database: Buffer;
  files: Buffer;
}

export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

export const SEALED_KEY_FILE = 'data-key.sealed';
export const DATABASE_FILE = 'relais.sqlite';
const KEY_BYTES = 32;

interface KeyFileContent {
  format: 'relais-data-key/1';
  warning: string;
  key: string;
}

/** The key file's place when none is named: beside the data folder, never inside it, so a copy of the folder alone is unreadable. */
export function defaultKeyFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.key`;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `relais/${purpose}/v1`, KEY_BYTES));
}

function refuseNewKeyOverRecords(dataDir: string, lookedAt: string): void {
  // SECURITY and safety: a new key over encrypted records would make them unreadable for good.
  if (databaseKind(path.join(dataDir, DATABASE_FILE)) === 'encrypted') {
    throw new DataKeyError(
      `The records in ${dataDir} are encrypted, but their key is not at ${lookedAt}. Restore the key from the station's key backup (see docs/cart-install.md), or ask the hospital's IT. ` +
        `Les dossiers de ${dataDir} sont chiffrés mais leur clé est absente (${lookedAt}) : restaurez la clé depuis sa sauvegarde, ou appelez le service informatique.`,
    );
  }
}

function writePrivately(file: string, content: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

function readKeyFile(file: string): Buffer {
  if (process.platform !== 'win32') {
    const mode = fs.statSync(file).mode & 0o777;
    // SECURITY: a key readable by other accounts protects nothing; refuse rather than use it.
    if (mode & 0o077) {
      throw new DataKeyError(`The data key file ${file} can be read by other accounts (mode ${mode.toString(8)}): run "chmod 600 ${file}" and start again. / Le fichier de clé est lisible par d'autres comptes : chmod 600.`);
    }
  }
  let content: Partial<KeyFileContent>;
  try {
    content = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyFileContent>;
  } catch (error) {
    throw new DataKeyError(`The data key file ${file} cannot be read (${(error as Error).message}): restore it from its backup.`);
  }
  const key = typeof content.key === 'string' && /^[0-9a-f]{64}$/.test(content.key) ? Buffer.from(content.key, 'hex') : null;
  if (content.format !== 'relais-data-key/1' || !key) throw new DataKeyError(`The data key file ${file} is not a Relais data key: restore it from its backup.`);
  return key;
}

function writeKeyFile(file: string, key: Buffer): void {
  const content: KeyFileContent = {
    format: 'relais-data-key/1',
    warning:
      'WEAKER THAN THE OS KEYCHAIN: whoever reads this file can read the station\'s records. Keep it out of copies of the data folder; back it up apart from them. / PLUS FAIBLE QUE LE TROUSSEAU DU SYSTÈME.',
    key: key.toString('hex'),
  };
  writePrivately(file, `${JSON.stringify(content, null, 2)}\n`);
}

function fromKeychain(dataDir: string, sealer: KeySealer, keyFile: string, allowNoKeyring: boolean): { master: Buffer; weaknesses: KeyWeakness[]; keyPath: string } {
  const sealedFile = path.join(dataDir, SEALED_KEY_FILE);
  // SECURITY: basic_text "seals" with a password written in Chromium's source: the key would be as
  // good as in the clear. Refused unless the site allows it, knowing why.
  if (sealer.backend === 'basic_text' && !allowNoKeyring) {
    throw new DataKeyError(
      "The OS has no keyring for the station's account (Electron's safeStorage reports basic_text, a fixed password): the data key would be readable by anyone who copies the data folder. " +
        "Install and unlock GNOME Keyring or KWallet for this account (docs/cart-install.md), or, knowing the records are then protected only by the account's file permissions, set RELAIS_ALLOW_NO_KEYRING=1. " +
        'Aucun trousseau pour le compte de la station : installez GNOME Keyring ou KWallet, ou acceptez ce risque avec RELAIS_ALLOW_NO_KEYRING=1.',
    );
  }
  const weaknesses: KeyWeakness[] = sealer.backend === 'basic_text' ? ['no_os_keyring'] : [];
  if (fs.existsSync(sealedFile)) {
    try {
      const master = sealer.unseal(fs.readFileSync(sealedFile));
      if (master.length !== KEY_BYTES) throw new Error(`a ${master.length}-byte key`);
      return { master, weaknesses, keyPath: sealedFile };
    } catch (error) {
      throw new DataKeyError(
        `The OS keychain could not open the station's data key (${(error as Error).message}): start the station under the account that set it up, or restore the key from its backup. ` +
          'Le trousseau du système ne peut pas ouvrir la clé des données : ouvrez la session du compte qui a installé la station, ou restaurez la clé.',
      );
    }
  }
  // A station first run in browser mode keeps its key file's key, now sealed; the weaker file goes.
  const master = fs.existsSync(keyFile) ? readKeyFile(keyFile) : null;
  if (!master) refuseNewKeyOverRecords(dataDir, sealedFile);
  const key = master ?? randomBytes(KEY_BYTES);
  writePrivately(sealedFile, sealer.seal(key));
  if (!sealer.unseal(fs.readFileSync(sealedFile)).equals(key)) throw new DataKeyError('The OS keychain did not give back the key it sealed: the station cannot keep its records safely.');
  if (master) fs.rmSync(keyFile);
  return { master: key, weaknesses, keyPath: sealedFile };
}

function fromKeyFile(dataDir: string, keyFile: string): { master: Buffer; weaknesses: KeyWeakness[]; keyPath: string } {
  const weaknesses: KeyWeakness[] = ['key_in_file'];
  if (fs.existsSync(path.join(dataDir, SEALED_KEY_FILE))) {
    throw new DataKeyError(
      'The data key of this station is sealed by the OS keychain, which is not available now: open the desktop session of the station\'s account (its keyring unlocks with it), then start Relais again. ' +
        'La clé des données est scellée par le trousseau du système, indisponible : ouvrez la session du compte de la station puis relancez Relais.',
    );
  }
  const inside = path.relative(path.resolve(dataDir), path.resolve(keyFile));
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) weaknesses.push('key_file_inside_data_folder');
  if (fs.existsSync(keyFile)) return { master: readKeyFile(keyFile), weaknesses, keyPath: keyFile };
  refuseNewKeyOverRecords(dataDir, keyFile);
  const master = randomBytes(KEY_BYTES);
  writeKeyFile(keyFile, master);
  return { master, weaknesses, keyPath: keyFile };
}

/** Opens the station's data key, making one on the first run; never replaces a key that records depend on. */
export function loadDataKeys(options: { dataDir: string; keyFile?: string | null; sealer?: KeySealer | null; allowNoKeyring?: boolean }): DataKeys {
  const keyFile = options.keyFile ?? defaultKeyFile(options.dataDir);
  const found = options.sealer ? fromKeychain(options.dataDir, options.sealer, keyFile, options.allowNoKeyring ?? false) : fromKeyFile(options.dataDir, keyFile);
  return {
    protection: options.sealer ? 'os-keychain' : 'key-file',
    keyPath: found.keyPath,
    weaknesses: found.weaknesses,
    database: derive(found.master, 'sqlite'),
    files: derive(found.master, 'files'),
  };
}
