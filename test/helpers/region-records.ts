// A station's records as a test of the regional sync needs them: made through the contract (two
// patients, each with an act, a vital sign and a photo; a consent and a signed report), then
// looked for at a region by its FHIR API and its uploads, with the token of the station that sent
// them; and a real hub on loopback to be that region.
import { createHash, randomBytes } from 'node:crypto';
import { startHub, type RunningHub } from '../../src/hub/server';
import type { Station } from '../../src/main/station';
import { reportPdfBinaryId } from '../../src/main/sync/fhir/report';
import { consentTo } from './consent';
import { contractValue as value } from './contract-value';
import { validatedIdentity, provisionalIdentity } from './identities';

export interface MadeRecords {
  patients: string[];
  acts: string[];
  observations: string[];
  photos: { id: string; sha256: string }[];
  consent: string;
  report: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A photo of an act, sent to the station in two chunks, as the renderer does. */
export async function addPhoto(station: Station, encounterId: string): Promise<{ id: string; sha256: string }> {
  const bytes = randomBytes(300_000);
  const hash = sha256(bytes);
  const { uploadId } = await value(station, 'attachments.begin', {
    encounterId,
    kind: 'snapshot',
    mime: 'image/png',
    size: bytes.length,
    sha256: hash,
    bodySite: null,
    device: 'Dermatoscope',
    author: 'IDE Morvan',
    takenAt: new Date().toISOString(),
  });
  await value(station, 'attachments.chunk', {
    uploadId,
    offset: 0,
    data: bytes.subarray(0, 200_000).toString('base64'),
  });
  await value(station, 'attachments.chunk', {
    uploadId,
    offset: 200_000,
    data: bytes.subarray(200_000).toString('base64'),
  });
  const attachment = await value(station, 'attachments.finish', { uploadId });
  return { id: attachment.id, sha256: hash };
}

export async function makeRecords(station: Station): Promise<MadeRecords> {
  const made: MadeRecords = { patients: [], acts: [], observations: [], photos: [], consent: '', report: '' };
  for (const identity of [validatedIdentity(), provisionalIdentity()]) {
    const created = await value(station, 'patients.create', { identity, notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('the patient was not created');
    made.patients.push(created.patient.id);
    const act = await value(station, 'encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Plaie',
    });
    made.acts.push(act.id);
    await consentTo(station, act.id, 'recording');
    const observed = await value(station, 'encounters.observe', {
      encounterId: act.id,
      vital: { code: 'spo2', value: 95, unit: '%' },
      takenAt: new Date().toISOString(),
      method: 'manual',
      takenBy: 'IDE Morvan',
    });
    made.observations.push(observed.id);
    made.photos.push(await addPhoto(station, act.id));
  }
  const { encounter: act } = await value(station, 'encounters.get', { id: made.acts[0]! });
  const consent = await value(station, 'encounters.consent', {
    encounterId: act.id,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: 'IDE Morvan',
    collectedAt: new Date().toISOString(),
  });
  made.consent = consent.id;
  const started = await value(station, 'encounters.setStatus', {
    id: act.id,
    version: act.version,
    status: 'in_progress',
  });
  await value(station, 'encounters.setStatus', { id: act.id, version: started.version, status: 'awaiting_report' });
  const report = await value(station, 'encounters.report', {
    encounterId: act.id,
    text: 'Plaie propre, stade 2.',
    author: { name: 'Dr Le Goff', role: 'physician' },
  });
  made.report = report.id;
  return made;
}

/** The FHIR resources the records are sent as, by type and id (the report's two Binaries too). */
export function resourcesOf(made: MadeRecords): [string, string][] {
  return [
    ...made.patients.map((id) => ['Patient', id] as [string, string]),
    ...made.acts.map((id) => ['Encounter', id] as [string, string]),
    ...made.observations.map((id) => ['Observation', id] as [string, string]),
    ...made.photos.map((p) => ['Media', p.id] as [string, string]),
    ['Consent', made.consent],
    ['DocumentReference', made.report],
    ['Binary', made.report],
    ['Binary', reportPdfBinaryId(made.report)],
  ];
}

export interface Region {
  hub: RunningHub;
  /** What the hub logged (audit chains, refusals). */
  log: { event: string; detail?: Record<string, unknown> }[];
  read(type: string, id: string): Promise<{ status: number; json: Record<string, any> }>;
  /** The bytes a Media's content.url gives, downloaded with the station's token. */
  download(url: string): Promise<Buffer>;
}

/** A real hub on loopback (on `port` when given: the same address after a restart), with a fresh FHIR store and uploads folder. */
export async function startRegion(options: {
  secret: string;
  token: string;
  uploadsDir: string;
  port?: number;
}): Promise<Region> {
  const log: Region['log'] = [];
  const hub = await startHub({
    secret: options.secret,
    turnSecret: `${options.secret}-turn`,
    turnUrls: [],
    offers: [],
    uploadsDir: options.uploadsDir,
    ...(options.port ? { port: options.port } : {}),
    log: (event, detail) => log.push({ event, ...(detail ? { detail } : {}) }),
  });
  const auth = { Authorization: `Bearer ${options.token}` };
  return {
    hub,
    log,
    async read(type, id) {
      const response = await fetch(`${hub.fhirUrl}/${type}/${id}`, { headers: auth });
      return { status: response.status, json: (await response.json()) as Record<string, any> };
    },
    async download(url) {
      const absolute = new URL(url, hub.uploadsUrl);
      const response = await fetch(new URL(absolute.pathname, hub.uploadsUrl), {
        headers: { ...auth, 'Tus-Resumable': '1.0.0' },
      });
      if (response.status !== 200) throw new Error(`download of ${url} answered ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

export const sha256Of = sha256;
