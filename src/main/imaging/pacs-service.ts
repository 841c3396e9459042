// The hospital's PACS seen from the station: a search (QIDO-RS) for a patient's studies, and the
// retrieval (WADO-RS) of a study into the patient's record. What is retrieved goes through the
// same import as a CD: every file read and checked, the patient's traits compared with the
// record's, and a study in another name held back until a named person has checked it. A photo
// of an act goes the other way (STOW-RS), as a secondary capture in the patient's name.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PacsSearch, PacsStudy } from '../../shared/imaging/imaging';
import { AppFailure, fieldFailure } from '../contract/failure';
import { requireActConsent } from '../acts';
import type { CallRepository } from '../calls';
import type { EncounterRepository } from '../acts';
import type { PatientRepository } from '../patients';
import { PhotoError, secondaryCapture } from './secondary-capture';
import type { ImagingRepository } from './imaging-repository';
import { DicomWebError, type DicomWebClient } from './dicomweb-client';
import { sealedFiles } from './file-source';
import type { createImagingService } from './imaging-service';
import type { FileSealer } from '../platform/security/sealed-file';
import type { AttachmentStore } from '../platform/files/attachment-store';

export interface PacsServiceDeps {
  client: DicomWebClient | null;
  imaging: ReturnType<typeof createImagingService>;
  repository: ImagingRepository;
  attachments: Pick<CallRepository, 'attachment'>;
  encounters: Pick<EncounterRepository, 'get' | 'consents'>;
  patients: Pick<PatientRepository, 'get'>;
  /** The sealed store the act's photos are kept in. */
  store: AttachmentStore;
  /** Retrieved files wait for their import sealed, like everything else under the data folder. */
  sealer: FileSealer;
  /** Where retrieved files wait for their import (removed after; those of a retrieval a stop cut short, at the next start: leftover-files.ts). */
  inboxDir: string;
  /** Throws disk_full when `bytes` more would eat into the space kept for the records (disk-space.ts). */
  roomFor: (bytes: number, what: string) => void;
}

const MAX_RESULTS = 50;

function pacsFailure(error: unknown): never {
  if (error instanceof DicomWebError) throw new AppFailure('pacs_unavailable', error.message);
  throw error;
}

export function createPacsService(deps: PacsServiceDeps) {
  function client(): DicomWebClient {
    if (!deps.client)
      throw new AppFailure(
        'pacs_unavailable',
        'No PACS is configured on this station (RELAIS_PACS_URL): import the images from a CD or USB drive.',
      );
    return deps.client;
  }

  return {
    configured: () => deps.client !== null,

    async search(search: PacsSearch): Promise<PacsStudy[]> {
      const found = await client()
        .searchStudies({
          ...(search.patientName ? { patientName: search.patientName } : {}),
          ...(search.patientId ? { patientId: search.patientId } : {}),
          ...(search.studyDate ? { studyDate: search.studyDate } : {}),
          ...(search.modality ? { modality: search.modality } : {}),
          limit: MAX_RESULTS,
        })
        .catch(pacsFailure);
      return found.map((s) => {
        const held = deps.repository.study(s.studyUid);
        // Fewer instances here than the PACS holds (or marked so): a retrieval completes it.
        const fewer = held !== null && s.instances !== null && deps.repository.instanceCount(s.studyUid) < s.instances;
        const incomplete = held !== null && (held.incomplete === 1 || fewer);
        return { ...s, alreadyImported: held !== null && !incomplete, incomplete };
      });
    },

    /** Sends a photo of an act to the PACS as a DICOM secondary capture in the patient's name. */
    async sendPhoto(attachmentId: string): Promise<{ sopInstanceUid: string }> {
      const attachment = deps.attachments.attachment(attachmentId);
      if (!attachment) throw new AppFailure('not_found', 'This file is not on this station.');
      if (attachment.kind !== 'snapshot') throw fieldFailure('attachmentId', 'pacs.not_a_photo');
      const act = attachment.encounterId ? deps.encounters.get(attachment.encounterId) : null;
      if (!act) throw fieldFailure('attachmentId', 'pacs.photo_without_act');
      // The PACS is a sharing of the patient's image with the hospital: her consent to it first.
      requireActConsent(deps.encounters, act.id, 'image_sharing');
      const pacs = client();
      const patient = deps.patients.get(act.patientId);
      if (!patient) throw new AppFailure('not_found', 'The patient of this act is not on this station.');
      const qualified = patient.identityStatus === 'QUAL' && patient.ins;
      let made;
      try {
        made = secondaryCapture(
          {
            bytes: new Uint8Array(deps.store.read(attachment.sha256)),
            mime: attachment.mime,
            takenAt: new Date(attachment.takenAt),
            description: attachment.title ?? 'Photographie',
          },
          {
            name: `${patient.birthName.toUpperCase()}^${patient.firstName.toUpperCase()}`,
            id: qualified ? patient.ins!.matricule : patient.id,
            issuer: qualified ? patient.ins!.oid : 'RELAIS',
            birthDate: patient.birthDate.replace(/-/g, ''),
            sex: patient.sex === 'M' || patient.sex === 'F' ? patient.sex : 'O',
          },
        );
      } catch (error) {
        if (error instanceof PhotoError) throw new AppFailure('validation_failed', error.message);
        throw error;
      }
      const result = await pacs.store([made.bytes]).catch(pacsFailure);
      if (!result.stored.includes(made.sopInstanceUid))
        throw new AppFailure('pacs_unavailable', 'The PACS did not keep the photo (it answered without storing it).');
      return { sopInstanceUid: made.sopInstanceUid };
    },

    async retrieve(input: {
      studyUid: string;
      patientId: string;
      encounterId: string | null;
      acceptMismatchBy: string | null;
    }) {
      const pacs = client();
      deps.roomFor(0, 'Images from the PACS');
      const folder = path.join(deps.inboxDir, randomUUID());
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      try {
        const series = await pacs.searchSeries(input.studyUid).catch(pacsFailure);
        if (series.length === 0) throw new AppFailure('not_found', 'The PACS holds no series for this study.');
        let n = 0;
        for (const s of series) {
          const files = await pacs.retrieveSeries(input.studyUid, s.seriesUid).catch(pacsFailure);
          deps.roomFor(
            files.reduce((total, file) => total + file.length, 0),
            'Images from the PACS',
          );
          for (const file of files) deps.sealer.write(path.join(folder, `${String(++n).padStart(5, '0')}.dcm`), file);
        }
        const scan = await deps.imaging.scan(folder, sealedFiles(deps.sealer));
        if (!scan.studies.some((s) => s.studyUid === input.studyUid)) {
          const refused = scan.refused.map((r) => `${r.count} ${r.reason}`).join(', ');
          throw new AppFailure(
            'validation_failed',
            `The PACS sent ${n} file(s) but no readable image of this study${refused ? ` (${refused})` : ''}.`,
          );
        }
        // One study per retrieval: the name given is that study's confirmation, and no other's.
        const confirmations = input.acceptMismatchBy
          ? [{ studyUid: input.studyUid, checkedBy: input.acceptMismatchBy }]
          : [];
        return await deps.imaging.import({
          scanId: scan.scanId,
          studyUids: [input.studyUid],
          patientId: input.patientId,
          encounterId: input.encounterId,
          confirmations,
        });
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
