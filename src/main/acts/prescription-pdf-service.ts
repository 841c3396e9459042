// The expert's prescription as the PDF the nurse or the pharmacist prints for the patient: rendered
// once, when it is kept on the act, and kept with its SHA-256 (table prescription_pdfs,
// kept-pdf.ts) like a signed report's. What is printed afterwards, at the cart or in the cabin,
// is always those kept bytes, never a new rendering.
import { dayInFrance } from '../../shared/france-time';
import type { SignedPrescription } from '../../shared/acts/prescription';
import type { Patient } from '../../shared/patients/patient';
import { AppFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { Logger } from '../platform/logger';
import type { EncounterRepository } from './encounter-repository';
import { createKeptPdfTable, documentFileName, keptOnce, keptPdf, type KeptPdf } from './kept-pdf';
import { renderPrescriptionPdf } from './prescription-pdf';

export interface PrescriptionPdfServiceDeps {
  db: Db;
  encounters: Pick<EncounterRepository, 'get'>;
  patients: { get(id: string): Patient | null };
  /** The prescription kept on this station under that id, as she signed it. */
  prescription: (id: string) => SignedPrescription | null;
  logger: Pick<Logger, 'warn'>;
  now: () => Date;
}

export function createPrescriptionPdfService(deps: PrescriptionPdfServiceDeps) {
  const pdfs = createKeptPdfTable(deps.db, 'prescription_pdfs');

  async function render(prescriptionId: string): Promise<KeptPdf> {
    const prescription = deps.prescription(prescriptionId);
    // A refused prescription was never kept: it has no PDF, and asking for one is not found.
    if (!prescription) throw new AppFailure('not_found', 'This prescription is not kept on this station.');
    const encounter = deps.encounters.get(prescription.encounterId);
    const patient = encounter ? deps.patients.get(encounter.patientId) : null;
    if (!encounter || !patient) throw new AppFailure('not_found', 'This prescription’s act or patient is not here.');
    const data = await renderPrescriptionPdf({ patient, encounter, prescription });
    // The day of the ordonnance, the one it is dated with on the page.
    const fileName = documentFileName('ordonnance', patient, dayInFrance(prescription.signedAt));
    return keptPdf(data, fileName, deps.now());
  }

  /** The prescription's kept PDF; rendered and kept now if it has none yet (see keptOnce). */
  const sealed = (prescriptionId: string): Promise<KeptPdf> =>
    keptOnce(pdfs, prescriptionId, () => render(prescriptionId));

  return {
    sealed,
    /**
     * Renders and keeps the PDF of a prescription just kept on its act. It never fails the
     * prescription: one whose PDF cannot be made now (a disk full, a renderer error) stays kept,
     * and its PDF is made the first time someone asks for it.
     */
    async keepAtArrival(prescriptionId: string): Promise<void> {
      try {
        await sealed(prescriptionId);
      } catch (error) {
        deps.logger.warn('prescription_pdf.not_kept_at_arrival', {
          prescriptionId,
          why: error instanceof Error ? error.message : String(error),
        });
      }
    },
    async pdf(prescriptionId: string): Promise<{ fileName: string; data: string }> {
      const pdf = await sealed(prescriptionId);
      return { fileName: pdf.fileName, data: pdf.data.toString('base64') };
    },
  };
}

export type PrescriptionPdfService = ReturnType<typeof createPrescriptionPdfService>;
