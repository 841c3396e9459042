// The records a push worker reads from a station's database, built as the station builds them,
// for tests and benches that run a push worker of their own on a station's folder.
import type { Db } from '../../src/main/platform/database/connection';
import { createCallRepository } from '../../src/main/calls/call-repository';
import { createEncounterRepository } from '../../src/main/acts/encounter-repository';
import { createPatientRepository } from '../../src/main/patients/patient-repository';
import { createReportPdfRepository } from '../../src/main/acts/report-pdf-repository';
import { createSyncRepository } from '../../src/main/sync/sync-repository';
import { createReportPdfService } from '../../src/main/acts/report-pdf-service';
import { shippedBillingCodes } from './shipped-billing';

export function pushRecords(db: Db) {
  const encounters = createEncounterRepository(db);
  const patients = createPatientRepository(db);
  return {
    sync: createSyncRepository(db),
    patients,
    encounters,
    calls: createCallRepository(db),
    reportPdfs: createReportPdfService({
      billing: shippedBillingCodes(),
      encounters,
      patients,
      pdfs: createReportPdfRepository(db),
      now: () => new Date(),
    }),
    inTransaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}
