// Which contract calls the audit trail records, as what action, and how to find in a call the
// record, the patients and the person concerned. Channels not listed (station status, devices,
// camera steering, call signalling, settings) touch no patient record and are not recorded.
import type { Channel } from '../../shared/contract';
import type { AuditAction } from './audit-chain';

interface ChannelAudit {
  action: AuditAction;
  /** The kind of record; the id is found in the call (input or answer). */
  entity: string;
  /** A list read: one event naming every patient shown. */
  list?: boolean;
}

// SECURITY: the policy of what is audited. Every read and write of a patient's record and every
// export. imaging.frame is left out on purpose: a series read (imaging.series) is recorded once,
// not each of its hundreds of frames.
export const AUDITED_CHANNELS: Partial<Record<Channel, ChannelAudit>> = {
  'patients.get': { action: 'read', entity: 'patient' },
  'patients.search': { action: 'read', entity: 'patient', list: true },
  'patients.create': { action: 'create', entity: 'patient' },
  'patients.update': { action: 'update', entity: 'patient' },
  // A query to INSi sends the patient's traits out of the station: recorded as an export.
  'patients.insiSearch': { action: 'export', entity: 'patient' },
  'patients.insiVerify': { action: 'export', entity: 'patient' },
  'patients.insiAccept': { action: 'update', entity: 'patient' },
  'patients.history': { action: 'read', entity: 'patient' },
  'encounters.get': { action: 'read', entity: 'encounter' },
  // The act's context sent to the expert of its call: the patient's traits leave the station.
  'encounters.context': { action: 'export', entity: 'encounter' },
  'encounters.forPatient': { action: 'read', entity: 'encounter', list: true },
  'encounters.open': { action: 'read', entity: 'encounter', list: true },
  'encounters.create': { action: 'create', entity: 'encounter' },
  'encounters.setStatus': { action: 'update', entity: 'encounter' },
  'encounters.linkCall': { action: 'update', entity: 'encounter' },
  'encounters.consent': { action: 'create', entity: 'consent' },
  'encounters.observe': { action: 'create', entity: 'observation' },
  'encounters.report': { action: 'create', entity: 'report' },
  'encounters.reportPdf': { action: 'export', entity: 'report' },
  // The expert's prescriptions kept on an act (each names the act, so its patient), and one's PDF.
  'encounters.prescriptions': { action: 'read', entity: 'prescription', list: true },
  'encounters.prescriptionPdf': { action: 'export', entity: 'prescription' },
  'attachments.finish': { action: 'create', entity: 'attachment' },
  'imaging.studies': { action: 'read', entity: 'imaging_study', list: true },
  'imaging.series': { action: 'read', entity: 'imaging_series' },
  'imaging.import': { action: 'create', entity: 'imaging_study' },
  'pacs.search': { action: 'read', entity: 'pacs_study', list: true },
  'pacs.retrieve': { action: 'create', entity: 'imaging_study' },
  'pacs.sendPhoto': { action: 'export', entity: 'attachment' },
  'stroke.sheet': { action: 'read', entity: 'stroke_sheet' },
  'stroke.change': { action: 'update', entity: 'stroke_sheet' },
  'teleexpertise.create': { action: 'create', entity: 'encounter' },
  'teleexpertise.get': { action: 'read', entity: 'encounter' },
  'teleexpertise.submit': { action: 'update', entity: 'encounter' },
  'teleexpertise.provideInformation': { action: 'create', entity: 'expertise_message' },
  'teleexpertise.inbox': { action: 'read', entity: 'service_request', list: true },
  'teleexpertise.open': { action: 'read', entity: 'service_request' },
  'teleexpertise.file': { action: 'read', entity: 'attachment' },
  'teleexpertise.reply': { action: 'create', entity: 'expertise_message' },
  'calls.chat': { action: 'create', entity: 'call_chat' },
  // The expert's station: an act of another station, its patient's traits kept and read here.
  'remoteActs.keep': { action: 'create', entity: 'remote_act' },
  'remoteActs.list': { action: 'read', entity: 'remote_act', list: true },
  'remoteActs.get': { action: 'read', entity: 'remote_act' },
  // Her report of such an act: read, drafted, signed, and what the requesting station answered.
  'remoteActs.report': { action: 'read', entity: 'remote_report' },
  'remoteActs.saveDraft': { action: 'update', entity: 'remote_report' },
  'remoteActs.sign': { action: 'create', entity: 'remote_report' },
  'remoteActs.delivered': { action: 'update', entity: 'remote_report' },
  'remoteActs.worklist': { action: 'read', entity: 'remote_act', list: true },
  'sync.resolve': { action: 'update', entity: 'sync_conflict' },
  // The cabin's session data wiped: recorded as a deletion of what the cabin held.
  'kiosk.endSession': { action: 'delete', entity: 'kiosk_session' },
  // What the page tells the station (CSV export, images shared in a call).
  'audit.note': { action: 'execute', entity: 'page_event' },
  // A series shown to the other side of a call: checked against the patient's consent, and an export.
  'calls.shareImages': { action: 'export', entity: 'imaging_share' },
  // Who opened the cart between acts, and how (PIN or badge), and each refused attempt. Never
  // the PIN or the badge's identifier: no field of these payloads is read (see auditFacts).
  'identity.setPin': { action: 'execute', entity: 'station_lock' },
  'identity.unlock': { action: 'execute', entity: 'station_lock' },
  'identity.enrolBadge': { action: 'execute', entity: 'station_lock' },
  'identity.unlockBadge': { action: 'execute', entity: 'station_lock' },
};

export interface AuditFacts {
  action: AuditAction;
  event: string;
  entityType: string;
  entityId: string | null;
  patientIds: string[];
  person: string | null;
  detail: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const nameOf = (v: unknown): string | null => str(v) ?? (isObj(v) ? str(v.name) : null);

const PERSON_FIELDS = ['by', 'author', 'collectedBy', 'takenBy', 'requester', 'consentBy', 'acceptMismatchBy'] as const;
const ID_FIELDS = [
  'id',
  'encounterId',
  'reportId',
  'prescriptionId',
  'attachmentId',
  'requestId',
  'uploadId',
  'seriesUid',
  'studyUid',
  'conflictId',
  'callId',
  'actId',
] as const;

/** Whose act a call is about: the person named in the payload (the login will replace this). */
function personIn(input: unknown): string | null {
  if (!isObj(input)) return null;
  for (const field of PERSON_FIELDS) {
    const name = nameOf(input[field]);
    if (name) return name.slice(0, 200);
  }
  return null;
}

/**
 * The facts of one audited call. `patientOfEncounter` finds the patient of an act named only by
 * its id (observations, reports, stroke sheets), including when the call failed and gave nothing back.
 */
export function auditFacts(
  channel: Channel,
  input: unknown,
  output: unknown,
  patientOfEncounter: (id: string) => string | null,
): AuditFacts | null {
  const spec = AUDITED_CHANNELS[channel];
  if (!spec) return null;
  const patients = new Set<string>();
  const add = (v: unknown) => {
    const id = str(v);
    if (id) patients.add(id);
  };
  const fromRecord = (o: unknown) => {
    if (!isObj(o)) return;
    add(o.patientId);
    if (spec.entity === 'patient') add(o.id);
    if (isObj(o.patient)) add(o.patient.id);
    for (const key of ['encounter', 'request']) if (isObj(o[key])) add((o[key] as Obj).patientId);
    const encounterId = str(o.encounterId) ?? (spec.entity === 'encounter' ? str(o.id) : null);
    if (encounterId) add(patientOfEncounter(encounterId));
  };
  // A PACS names patients by the hospital's own ids, not this station's: none are recorded as ours.
  if (spec.entity !== 'pacs_study') {
    fromRecord(input);
    if (Array.isArray(output)) output.forEach(fromRecord);
    else fromRecord(output);
  }
  // A new patient's possible duplicates are shown instead of storing it: a read of each of them.
  const candidates = isObj(output) && Array.isArray(output.candidates) ? (output.candidates as unknown[]) : null;
  candidates?.forEach((c) => isObj(c) && add(c.id));

  // The record named in the call, else the one it made (a create's new id).
  let entityId: string | null = null;
  if (!spec.list) {
    const named = isObj(input) ? ID_FIELDS.map((k) => str(input[k])).find((v) => v !== null) : undefined;
    entityId =
      named ?? (isObj(output) ? (str(output.id) ?? (isObj(output.patient) ? str(output.patient.id) : null)) : null);
  }
  let { action } = spec;
  let event: string = channel;
  let detail: string | null = spec.list
    ? `${Array.isArray(output) ? output.length : 0} shown`
    : candidates
      ? `nothing stored: ${candidates.length} possible duplicates shown`
      : null;
  if (channel === 'audit.note' && isObj(input)) {
    event = String(input.event);
    action = 'export';
    entityId = str(input.callId) ?? str(input.fileName);
    detail = str(input.detail);
  }
  if (channel === 'sync.resolve' && isObj(input)) entityId = str(input.conflictId);
  // Recorded under the name the page's note used before the station checked consent: one name in the trail.
  if (channel === 'calls.shareImages' && isObj(input)) {
    event = 'imaging.shared';
    detail = str(input.label);
  }
  // SECURITY: a PIN or a badge's identifier never reaches the trail, whatever the payload holds.
  if (spec.entity === 'station_lock')
    return { action, event, entityType: spec.entity, entityId: null, patientIds: [], person: null, detail: null };
  return {
    action,
    event,
    entityType: spec.entity,
    entityId,
    patientIds: [...patients].sort(),
    person: personIn(input),
    detail,
  };
}
