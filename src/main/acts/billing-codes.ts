// The billing codes of both sides of an act, suggested from the one table the app ships
// (resources/billing/teleconsultation-codes.json), for the act screen and the report's PDF. The
// table is read once; one that cannot be read or parsed is said plainly where codes would be
// shown (and logged for the regional IT), and never stops the station: care goes on without a
// billing suggestion.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseBillingTable,
  suggestBillingCodes,
  type BillingSuggestions,
  type BillingTable,
} from '../../shared/billing/act-billing-codes';
import type { Encounter } from '../../shared/acts/encounter';
import { AppFailure } from '../contract/failure';
import { appResourcesDir } from '../platform/app-resources';

export const BILLING_TABLE_FILE = path.join('billing', 'teleconsultation-codes.json');

export type BillingTableRead = { ok: true; table: BillingTable } | { ok: false; why: string };

// The folder of this code: __dirname in the CommonJS build, import.meta.url when the sources run
// as ES modules (tsx, the crash test's station), where __dirname does not exist.
const codeDir = (): string =>
  typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));

export function readBillingTable(resourcesDir: string = appResourcesDir(codeDir())): BillingTableRead {
  const file = path.join(resourcesDir, BILLING_TABLE_FILE);
  try {
    return { ok: true, table: parseBillingTable(JSON.parse(fs.readFileSync(file, 'utf8'))) };
  } catch (error) {
    return { ok: false, why: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface BillingCodes {
  /** The suggestions for this act; a failure (billing_unavailable) when the table cannot be read. */
  suggest(encounter: Encounter): BillingSuggestions;
}

export function createBillingCodes(read: () => BillingTableRead, warn: (message: string) => void): BillingCodes {
  let loaded: BillingTableRead | null = null;
  const table = (): BillingTable => {
    if (!loaded) {
      loaded = read();
      if (!loaded.ok) warn(`billing codes: the table cannot be read (${loaded.why}); reinstall Relais`);
    }
    if (loaded.ok) return loaded.table;
    throw new AppFailure(
      'billing_unavailable',
      'The table of billing codes shipped with Relais cannot be read: no code can be suggested. Ask the IT to reinstall Relais.',
    );
  };
  return { suggest: (encounter) => suggestBillingCodes(encounter, table()) };
}
