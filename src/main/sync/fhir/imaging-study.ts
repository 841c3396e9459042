// An imported imaging study -> FHIR R4 ImagingStudy: the study, its series and instances by
// their DICOM UIDs, for the patient (and the act it was imported in), so that the regional
// record says which images exist and where they came from; the pixels stay with the PACS or the
// station. Its id is derived from the Study Instance UID: the same study is one resource.
import type { ImagingStudy } from '@medplum/fhirtypes';
import type { StudyForSync } from '../../imaging';
import { nameBasedUuid } from './name-based-id';
import { uuidIdentifier } from './systems';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
export const imagingStudyResourceId = (studyUid: string): string => nameBasedUuid(`dicom-study\n${studyUid}`);

/** DICOM DA (YYYYMMDD) as a FHIR date; null when it is not a date. */
const fhirDate = (da: string | null) =>
  da && /^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : undefined;

export function imagingStudyToFhir(study: StudyForSync): ImagingStudy {
  const id = imagingStudyResourceId(study.study_uid);
  const modalities = [...new Set(study.series.map((s) => s.modality).filter((m): m is string => Boolean(m)))];
  return {
    resourceType: 'ImagingStudy',
    id,
    identifier: [
      uuidIdentifier(id),
      { system: 'urn:dicom:uid', value: `urn:oid:${study.study_uid}` },
      ...(study.accession_number
        ? [
            {
              type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] },
              value: study.accession_number,
            },
          ]
        : []),
    ],
    status: 'available',
    ...(modalities.length ? { modality: modalities.map((code) => ({ system: DCM, code })) } : {}),
    subject: { reference: `Patient/${study.patient_id}` },
    ...(study.encounter_id ? { encounter: { reference: `Encounter/${study.encounter_id}` } } : {}),
    ...(fhirDate(study.study_date) ? { started: fhirDate(study.study_date) } : {}),
    numberOfSeries: study.series.length,
    numberOfInstances: study.series.reduce((n, s) => n + s.instances.length, 0),
    ...(study.description ? { description: study.description } : {}),
    ...(study.mismatch_accepted_by
      ? {
          note: [
            {
              text: `Identité DICOM différente du dossier (${study.dicom_patient_name ?? 'sans nom'}), rattachement vérifié par ${study.mismatch_accepted_by}.`,
            },
          ],
        }
      : {}),
    series: study.series.map((s) => ({
      uid: s.series_uid,
      ...(s.number !== null ? { number: s.number } : {}),
      // R4 requires a modality; "OT" (other) when the files did not say.
      modality: { system: DCM, code: s.modality ?? 'OT' },
      ...(s.description ? { description: s.description } : {}),
      numberOfInstances: s.instances.length,
      instance: s.instances.map((i) => ({
        uid: i.sop_instance_uid,
        sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${i.sop_class_uid}` },
        ...(i.instance_number !== null ? { number: i.instance_number } : {}),
      })),
    })),
  };
}
