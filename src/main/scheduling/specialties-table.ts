// The table of medical specialties the app ships (resources/specialties/tre-r38-specialties.json,
// the ANS's TRE_R38 codes), read once for the coordinator's offer form. A table that cannot be read
// is said plainly where the specialties would be chosen (and logged for the regional IT).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSpecialtyTable, type SpecialtyTable } from '../../shared/scheduling/specialties';
import { AppFailure } from '../contract/failure';
import { appResourcesDir } from '../platform/app-resources';

export const SPECIALTY_TABLE_FILE = path.join('specialties', 'tre-r38-specialties.json');

export type SpecialtyTableRead = { ok: true; table: SpecialtyTable } | { ok: false; why: string };

// The folder of this code: __dirname in the CommonJS build, import.meta.url when the sources run
// as ES modules (tsx), where __dirname does not exist.
const codeDir = (): string =>
  typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));

export function readSpecialtyTable(resourcesDir: string = appResourcesDir(codeDir())): SpecialtyTableRead {
  const file = path.join(resourcesDir, SPECIALTY_TABLE_FILE);
  try {
    return { ok: true, table: parseSpecialtyTable(JSON.parse(fs.readFileSync(file, 'utf8'))) };
  } catch (error) {
    return { ok: false, why: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The table, read at the first question and kept; a failure (internal) when it cannot be read. */
export function createSpecialties(read: () => SpecialtyTableRead, warn: (message: string) => void) {
  let loaded: SpecialtyTableRead | null = null;
  return (): SpecialtyTable => {
    if (!loaded) {
      loaded = read();
      if (!loaded.ok) warn(`specialties: the table cannot be read (${loaded.why}); reinstall Relais`);
    }
    if (loaded.ok) return loaded.table;
    throw new AppFailure(
      'internal',
      'The table of medical specialties shipped with Relais cannot be read: no offer can be coded. Ask the IT to reinstall Relais.',
    );
  };
}
