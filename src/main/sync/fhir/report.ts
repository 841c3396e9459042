// The act's report (compte rendu) -> FHIR R4 Binary (the signed text, as written) and a
// DocumentReference that describes it: a consultation note (LOINC 11488-4) for the patient and
// the act, its author by IdNatPS, the time it was signed, the SHA-1 and size of the text, and the
// report it replaces when it is a correction. Both share the report's id.
import { createHash } from 'node:crypto';
import type { Binary, DocumentReference } from '@medplum/fhirtypes';
import type { Encounter, Report } from '../../../shared/encounter';
import { professionalReference } from './practitioner';
import { SYSTEM, uuidIdentifier } from './systems';

const CONTENT_TYPE = 'text/plain; charset=utf-8';

export function reportToBinary(report: Report): Binary {
  return { resourceType: 'Binary', id: report.id, contentType: CONTENT_TYPE, data: Buffer.from(report.text, 'utf8').toString('base64') };
}

export function reportToDocumentReference(report: Report, encounter: Encounter): DocumentReference {
  const bytes = Buffer.from(report.text, 'utf8');
  return {
    resourceType: 'DocumentReference',
    id: report.id,
    masterIdentifier: uuidIdentifier(report.id),
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: SYSTEM.loinc, code: SYSTEM.reportType, display: 'Consult note' }], text: `Compte rendu de ${encounter.act === 'teleexpertise' ? 'téléexpertise' : 'téléconsultation'}` },
    subject: { reference: `Patient/${encounter.patientId}` },
    date: report.signedAt,
    author: [professionalReference(report.author)],
    authenticator: professionalReference(report.author),
    ...(report.replaces ? { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${report.replaces}` } }] } : {}),
    content: [
      {
        attachment: {
          contentType: CONTENT_TYPE,
          language: 'fr',
          url: `Binary/${report.id}`,
          size: bytes.length,
          hash: createHash('sha1').update(bytes).digest('base64'),
          title: 'Compte rendu',
          creation: report.signedAt,
        },
      },
    ],
    context: {
      encounter: [{ reference: `Encounter/${encounter.id}` }],
      ...(encounter.startedAt ? { period: { start: encounter.startedAt, ...(encounter.endedAt ? { end: encounter.endedAt } : {}) } } : {}),
    },
  };
}
