// The records a push worker reads from a station's database, built as the station builds them,
// for tests and benches that run a push worker of their own on a station's folder.
import type { Db } from '../../src/main/db/connection';
import { createCallRepository } from '../../src/main/db/call-repository';
import { createEncounterRepository } from '../../src/main/db/encounter-repository';
import { createPatientRepository } from '../../src/main/db/patient-repository';
import { createReportPdfRepository } from '../../src/main/db/report-pdf-repository';
import { createSyncRepository } from '../../src/main/db/sync-repository';
import { createReportPdfService } from '../../src/main/services/report-pdf-service';

export function pushRecords(db: Db) {
  const encounters = createEncounterRepository(db);
  const patients = createPatientRepository(db);
  return {
    sync: createSyncRepository(db),
    patients,
    encounters,
    calls: createCallRepository(db),
    reportPdfs: createReportPdfService({ encounters, patients, pdfs: createReportPdfRepository(db), now: () => new Date() }),
    inTransaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}
