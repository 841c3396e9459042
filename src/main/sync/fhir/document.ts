// A document added to an act (a PDF: a specialist's letter, a prior report) -> FHIR R4
// DocumentReference for the act's patient and encounter, who added it and when, its title; the
// bytes are not inlined: the attachment points at the resumable upload that holds them, with
// their size, SHA-1 (FHIR's Attachment.hash) and SHA-256 (as an identifier).
import type { DocumentReference } from '@medplum/fhirtypes';
import type { Attachment } from '../../../shared/acts/attachments';
import type { Encounter } from '../../../shared/acts/encounter';
import { SHA256_SYSTEM } from './media';
import { uuidIdentifier } from './systems';

export function attachmentToDocumentReference(
  a: Attachment,
  encounter: Pick<Encounter, 'id' | 'patientId'>,
  content: { url: string; sha1Base64: string },
): DocumentReference {
  const title = a.title ?? 'Document';
  return {
    resourceType: 'DocumentReference',
    id: a.id,
    masterIdentifier: uuidIdentifier(a.id),
    identifier: [{ system: SHA256_SYSTEM, value: a.sha256 }],
    status: 'current',
    type: { text: title },
    subject: { reference: `Patient/${encounter.patientId}` },
    date: a.takenAt,
    author: [{ display: a.author }],
    content: [
      {
        attachment: {
          contentType: a.mime,
          url: content.url,
          size: a.size,
          hash: content.sha1Base64,
          title,
          creation: a.takenAt,
        },
      },
    ],
    context: { encounter: [{ reference: `Encounter/${encounter.id}` }] },
  };
}
