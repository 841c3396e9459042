// A call attachment -> FHIR R4 Media: a photo (image) or an auscultation sound (audio, with the
// body site), for the act's patient and encounter, who took it, when, with which device; the
// bytes are not inlined: content.url points at the resumable upload that holds them, with their
// size, SHA-1 (FHIR's Attachment.hash) and SHA-256 (as an identifier, what the station checks).
import type { Media } from '@medplum/fhirtypes';
import type { Attachment } from '../../../shared/acts/attachments';
import type { Encounter } from '../../../shared/acts/encounter';
import { uuidIdentifier } from './systems';

export const SHA256_SYSTEM = 'urn:relais:sha256';

/** French names of the body sites, as the clinician reads them. */
const BODY_SITE: Record<NonNullable<Attachment['bodySite']>, string> = {
  aortic: 'Foyer aortique',
  pulmonic: 'Foyer pulmonaire',
  erb: 'Foyer d’Erb',
  tricuspid: 'Foyer tricuspide',
  mitral: 'Foyer mitral',
  lung_base_right: 'Base pulmonaire droite',
  lung_base_left: 'Base pulmonaire gauche',
  lung_apex_right: 'Sommet pulmonaire droit',
  lung_apex_left: 'Sommet pulmonaire gauche',
  lung_posterior_apex_right: 'Sommet pulmonaire droit, face postérieure',
  lung_posterior_apex_left: 'Sommet pulmonaire gauche, face postérieure',
  lung_posterior_base_right: 'Base pulmonaire droite, face postérieure',
  lung_posterior_base_left: 'Base pulmonaire gauche, face postérieure',
  lung_anterior_right: 'Champ pulmonaire antérieur droit',
  lung_anterior_left: 'Champ pulmonaire antérieur gauche',
  carotid_right: 'Carotide droite',
  carotid_left: 'Carotide gauche',
  abdomen: 'Abdomen',
};

export function attachmentToMedia(
  a: Attachment,
  encounter: Pick<Encounter, 'id' | 'patientId'>,
  content: { url: string; sha1Base64: string },
): Media {
  const audio = a.kind === 'auscultation';
  return {
    resourceType: 'Media',
    id: a.id,
    identifier: [uuidIdentifier(a.id), { system: SHA256_SYSTEM, value: a.sha256 }],
    status: 'completed',
    type: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/media-type',
          code: audio ? 'audio' : 'image',
          display: audio ? 'Audio' : 'Image',
        },
      ],
    },
    subject: { reference: `Patient/${encounter.patientId}` },
    encounter: { reference: `Encounter/${encounter.id}` },
    createdDateTime: a.takenAt,
    operator: { display: a.author },
    deviceName: a.device,
    ...(a.bodySite ? { bodySite: { text: BODY_SITE[a.bodySite] } } : {}),
    content: {
      contentType: a.mime,
      url: content.url,
      size: a.size,
      hash: content.sha1Base64,
      // A photo's own title when the person gave one ("Dos, vue dermatoscopique"): the expert reads it.
      title: audio ? `Auscultation — ${BODY_SITE[a.bodySite ?? 'aortic']}` : (a.title ?? `Photo — ${a.device}`),
      creation: a.takenAt,
    },
  };
}
