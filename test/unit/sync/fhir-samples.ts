// The records the FHIR mapping tests turn into resources (the expected resources are the JSON
// files in test/fixtures/fhir, reviewed by hand against FR Core and the vital-signs profile).
import type { StudyForSync } from '../../../src/main/imaging/imaging-repository';
import type { Attachment } from '../../../src/shared/acts/attachments';
import type { Consent, Encounter, Observation, Report } from '../../../src/shared/acts/encounter';
import type { Patient } from '../../../src/shared/patients/patient';

export const qualifiedPatient: Patient = {
  id: '6d0c1c5e-7a51-4f7e-9d55-0c3f2c1b9a01',
  version: 2,
  birthName: 'LE GALL',
  firstName: 'ANNE',
  birthFirstNames: 'ANNE MARIE',
  birthDate: '1956-12-03',
  sex: 'F',
  birthplaceCode: '29019',
  usedName: 'MORVAN',
  usedFirstName: null,
  identityStatus: 'QUAL',
  ins: { matricule: '256122901900168', oid: '1.2.250.1.213.1.4.8' },
  insRetrieval: { operation: 'search_traits', at: '2026-11-23T09:33:00.000Z', by: 'IDE Morvan' },
  typedIns: null,
  identityDocument: {
    type: 'national_id_card',
    parentDocument: null,
    checkedBy: 'IDE Morvan',
    checkedOn: '2026-11-23',
  },
  residenceCode: '29103',
  createdAt: '2026-11-23T09:30:00.000Z',
  updatedAt: '2026-11-23T09:35:00.000Z',
};

export const finishedEncounter: Encounter = {
  id: '3b8f2a10-5c1e-4d2b-8f3a-9e7d6c5b4a32',
  version: 3,
  patientId: qualifiedPatient.id,
  act: 'teleconsultation',
  assisted: true,
  requester: { name: 'IDE Morvan', role: 'nurse', rpps: null, specialty: null },
  expert: { name: 'Dr Le Goff', role: 'physician', rpps: '10003456789', specialty: 'dermatologie' },
  site: 'EHPAD Les Tilleuls',
  siteCommune: '29019',
  specialty: 'dermatologie',
  reason: 'Plaie du talon',
  callId: null,
  status: 'awaiting_report',
  startedAt: '2026-11-23T09:42:00.000Z',
  endedAt: '2026-11-23T09:57:00.000Z',
  createdAt: '2026-11-23T09:40:00.000Z',
  updatedAt: '2026-11-23T09:57:00.000Z',
};

export const bloodPressure: Observation = {
  id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  encounterId: finishedEncounter.id,
  vital: { code: 'blood_pressure', systolic: 142, diastolic: 88, unit: 'mm[Hg]' },
  takenAt: '2026-11-23T09:45:00.000Z',
  method: 'manual',
  device: null,
  takenBy: 'IDE Morvan',
  unusualConfirmed: false,
};

export const consentToAct: Consent = {
  id: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
  encounterId: finishedEncounter.id,
  scope: 'act',
  decision: 'given',
  givenBy: { kind: 'patient' },
  collectedBy: 'IDE Morvan',
  collectedAt: '2026-11-23T09:41:00.000Z',
};

export const expertiseRequest: Encounter = {
  ...finishedEncounter,
  id: '7c4e1d2a-9b3f-4e8a-a1c2-5d6e7f8a9b0c',
  act: 'teleexpertise',
  assisted: false,
  status: 'in_progress',
  endedAt: null,
  requester: { name: 'Dr Guillou', role: 'physician', rpps: '10001234567', specialty: 'médecine générale' },
  reason: 'Naevus du dos, évolution en 3 mois ?',
};

export const signedReport: Report = {
  id: '2d3c4b5a-6f7e-4d8c-9b0a-1f2e3d4c5b6a',
  encounterId: finishedEncounter.id,
  text: 'Plaie du talon propre, stade 2.\nPansement hydrocellulaire, réévaluation à J7.',
  author: { name: 'Dr Le Goff', role: 'physician', rpps: '10003456789', specialty: 'dermatologie' },
  signedAt: '2026-11-23T10:02:00.000Z',
  replaces: null,
};

/** A signed report's kept PDF (a tiny stand-in; its SHA-256 and SHA-1 computed with sha256sum and sha1sum). */
export const signedReportPdfBytes = Buffer.from('%PDF-1.3\n% compte rendu\n%%EOF\n', 'latin1');
export const signedReportPdf = {
  size: 30,
  sha256: '1f62f086e5faa4ac394b35eca5ba3d5322d30871b3ccf986e259a1a2c95fb5bc',
  sha1Base64: 'FTW8tKx+P80nDnLuUqaV0NcXKws=',
};

export const mitralSound: Attachment = {
  id: '8e9f0a1b-2c3d-4e5f-9a6b-7c8d9e0f1a2b',
  callId: 'call-42',
  encounterId: null,
  title: null,
  kind: 'auscultation',
  mime: 'audio/wav',
  size: 1_920_044,
  sha256: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
  bodySite: 'mitral',
  device: 'Stéthoscope Eko CORE 500',
  author: 'IDE Morvan',
  takenAt: '2026-11-23T09:48:00.000Z',
  askedBy: null,
};

/** A head CT imported during the act, whose DICOM name differed and was checked by the nurse. */
export const headCt: StudyForSync = {
  study_uid: '1.2.826.0.1.3680043.10.1234.1',
  patient_id: qualifiedPatient.id,
  encounter_id: finishedEncounter.id,
  dicom_patient_name: 'MORVAN^ANNE',
  dicom_patient_id: 'IPP-0042',
  dicom_birth_date: '19720314',
  dicom_sex: 'F',
  study_date: '20261123',
  description: 'Scanner cérébral sans injection',
  accession_number: 'ACC-77812',
  mismatch_accepted_by: 'IDE Morvan',
  imported_at: '2026-11-23T09:51:00.000Z',
  incomplete: 0,
  series: [
    {
      series_uid: '1.2.826.0.1.3680043.10.1234.2',
      modality: 'CT',
      number: 2,
      description: 'Axial 5 mm',
      instances: [
        {
          sop_instance_uid: '1.2.826.0.1.3680043.10.1234.3.1',
          sop_class_uid: '1.2.840.10008.5.1.4.1.1.2',
          instance_number: 1,
        },
        {
          sop_instance_uid: '1.2.826.0.1.3680043.10.1234.3.2',
          sop_class_uid: '1.2.840.10008.5.1.4.1.1.2',
          instance_number: 2,
        },
      ],
    },
    {
      series_uid: '1.2.826.0.1.3680043.10.1234.9',
      modality: null,
      number: null,
      description: null,
      instances: [
        {
          sop_instance_uid: '1.2.826.0.1.3680043.10.1234.9.1',
          sop_class_uid: '1.2.840.10008.5.1.4.1.1.7',
          instance_number: null,
        },
      ],
    },
  ],
};
