// Every contract channel refuses malformed payloads with a validation error, through the same
// dispatch both bindings (Electron IPC, browser-mode WebSocket) use. Adding a channel without an
// example here fails this test.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, type ChannelInput } from '../../src/shared/contract';
import { provisionalIdentity } from '../helpers/identities';
import { realContext } from '../helpers/act-context';
import { openStation } from '../helpers/station';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
/** An empty folder, for the imaging scan's valid example (a drive with nothing on it). */
const EMPTY_DRIVE = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-empty-drive-'));
const VALID: { [C in Channel]: ChannelInput<C> } = {
  'station.status': {},
  'sync.details': {},
  'sync.resolve': { conflictId: 1, keep: 'station', by: 'IDE Morvan' },
  'sync.now': {},
  'sync.retry': { entity: 'patient', entityId: SOME_ID },
  'patients.create': { identity: provisionalIdentity(), notDuplicateOf: [] },
  'patients.update': { id: SOME_ID, version: 1, identity: provisionalIdentity() },
  'patients.get': { id: SOME_ID },
  'patients.search': { name: 'dupont', birthDate: '1950-01-01', insMatricule: '1', limit: 10 },
  'patients.insiStatus': {},
  'patients.insiSearch': { id: SOME_ID },
  'patients.insiVerify': { id: SOME_ID },
  'patients.insiAccept': { id: SOME_ID, version: 1, answerId: SOME_ID },
  'patients.history': { id: SOME_ID },
  'devices.list': {},
  'camera.command': {
    deviceId: 'camera-1',
    command: { type: 'drive', pan: 0.5, tilt: -0.25 },
    origin: { kind: 'remote', callId: 'call-1' },
  },
  'camera.position': { deviceId: 'camera-1' },
  'camera.center': { deviceId: 'camera-1', x: 0.5, y: -0.25, origin: { kind: 'remote', callId: 'call-1' } },
  'bloodPressure.latest': { deviceId: 'blood-pressure-1' },
  'bloodPressure.simulateMeasurement': { deviceId: 'blood-pressure-1' },
  'calls.hub': {},
  'calls.send': { type: 'call.ring', to: 'dr-neuro', reason: 'Avis neurologique' },
  'calls.ringForAct': { encounterId: SOME_ID, to: 'dr-neuro', urgent: false },
  'calls.ice': {},
  'calls.chat': {
    callId: 'call-1',
    id: 'm1',
    direction: 'sent',
    author: 'IDE',
    text: 'Bonjour',
    at: '2026-11-23T10:00:00.000Z',
  },
  'calls.history': { limit: 10 },
  'identity.state': {},
  'identity.login': {},
  'identity.logout': {},
  'identity.setPin': { pin: '4826' },
  'identity.lock': {},
  'identity.unlock': { pin: '4826' },
  'identity.enrolBadge': { uid: '04A3B2C1D9' },
  'identity.unlockBadge': { uid: '04A3B2C1D9' },
  'identity.activity': {},
  'kiosk.state': {},
  'kiosk.enter': { pin: '482913' },
  'kiosk.leave': { pin: '482913' },
  'kiosk.endSession': {},
  'activity.monthly': { from: '2026-09', to: '2026-11' },
  'encounters.create': {
    patientId: SOME_ID,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD',
    reason: 'Plaie',
  },
  'encounters.get': { id: SOME_ID },
  'encounters.context': { id: SOME_ID },
  'scheduling.specialties': {},
  'scheduling.publishOffer': {
    offer: {
      id: 'derm-te-29',
      specialty: 'Dermatologie',
      specialtyCode: 'SM15',
      hospital: 'CH de Morlaix',
      acts: ['teleexpertise'],
      hours: { alwaysOpen: false, rules: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }], holidays: 'closed' },
      experts: [{ id: 'dr-le-gall', name: 'Dr Le Gall' }],
    },
  },
  'scheduling.withdrawOffer': { offerId: 'derm-te-29' },
  'remoteActs.keep': { callId: 'c1', peerId: 'cart-1', context: realContext },
  'remoteActs.list': {},
  'remoteActs.get': { peerId: 'cart-1', actId: SOME_ID },
  'remoteActs.report': { peerId: 'cart-1', actId: SOME_ID },
  'remoteActs.saveDraft': {
    peerId: 'cart-1',
    actId: SOME_ID,
    template: 'general',
    sections: { motif: '', histoire: '', examen: '', mesures: '', conclusion: '', conduite: '', suivi: '' },
    replaces: null,
    correctionReason: 'Délai raccourci',
  },
  'remoteActs.sign': {
    peerId: 'cart-1',
    actId: SOME_ID,
    sections: { motif: 'M', histoire: '', examen: '', mesures: '', conclusion: 'C', conduite: '', suivi: '' },
    replaces: null,
    correctionReason: 'Délai raccourci',
  },
  'remoteActs.delivered': { reportId: SOME_ID, outcome: 'refused', reason: 'forbidden' },
  'remoteActs.worklist': {},
  'remoteActs.prescriptions': { peerId: 'cart-1', actId: SOME_ID },
  'remoteActs.signPrescription': {
    peerId: 'cart-1',
    actId: SOME_ID,
    lines: [{ kind: 'biology', text: 'NFS' }],
    replaces: null,
    correctionReason: 'Durée',
  },
  'remoteActs.prescriptionDelivered': { prescriptionId: SOME_ID, outcome: 'filed' },
  'scheduling.freeSlots': { offerId: 'derm-brest', from: '2036-12-08T08:00:00.000Z' },
  'scheduling.book': {
    patientId: SOME_ID,
    offerId: 'derm-brest',
    slot: {
      id: 'slot-1',
      scheduleId: 'sch-1',
      expertId: 'dr-kerleau',
      start: '2036-12-08T09:00:00.000Z',
      end: '2036-12-08T09:30:00.000Z',
    },
    reason: 'Lésion pigmentée du dos',
  },
  'scheduling.cancelAppointment': { id: SOME_ID, version: 1, reason: 'Patiente hospitalisée' },
  'scheduling.moveAppointment': {
    id: SOME_ID,
    version: 1,
    slot: {
      id: 'slot-2',
      scheduleId: 'sch-1',
      expertId: 'dr-kerleau',
      start: '2036-12-08T10:00:00.000Z',
      end: '2036-12-08T10:30:00.000Z',
    },
    reason: 'Transport indisponible le matin',
  },
  'scheduling.agenda': { from: '2036-12-07T23:00:00.000Z', to: '2036-12-14T23:00:00.000Z' },
  'scheduling.patientAppointments': { patientId: SOME_ID },
  'scheduling.reminderSetting': {},
  'scheduling.linkAct': { id: SOME_ID, encounterId: SOME_ID },
  'scheduling.publishSlots': {
    offerId: 'derm-brest',
    slots: [{ start: '2036-12-08T09:00:00.000Z', end: '2036-12-08T09:30:00.000Z' }],
  },
  'encounters.forPatient': { patientId: SOME_ID, limit: 10 },
  'encounters.open': { limit: 10 },
  'encounters.setStatus': { id: SOME_ID, version: 1, status: 'in_progress' },
  'encounters.linkCall': { id: SOME_ID, version: 1, callId: 'call-1' },
  'calls.consent': { callId: 'call-1' },
  'calls.shareImages': { callId: 'call-1', patientId: SOME_ID, label: 'TDM cérébral' },
  'encounters.consent': {
    encounterId: SOME_ID,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: 'IDE Morvan',
    collectedAt: '2026-11-23T10:00:00.000Z',
  },
  'encounters.observe': {
    encounterId: SOME_ID,
    vital: { code: 'spo2', value: 97, unit: '%' },
    takenAt: '2026-11-23T10:00:00.000Z',
    method: 'manual',
    takenBy: 'IDE Morvan',
  },
  'encounters.report': {
    encounterId: SOME_ID,
    text: 'Plaie propre, pas de signe d’infection.',
    author: { name: 'Dr Le Goff', role: 'physician' },
    replaces: null,
  },
  'imaging.scan': { folder: EMPTY_DRIVE },
  'imaging.import': { scanId: SOME_ID, studyUids: ['1.2.3'], patientId: SOME_ID },
  'imaging.studies': { patientId: SOME_ID },
  'encounters.reportPdf': { reportId: SOME_ID },
  'encounters.billing': { id: SOME_ID },
  'encounters.expertReport': {
    callId: 'call-1',
    report: {
      id: SOME_ID,
      encounterId: SOME_ID,
      sections: { motif: '', histoire: '', examen: '', mesures: '', conclusion: 'RAS', conduite: '', suivi: '' },
      author: { name: 'Dr Le Goff', rpps: '10003456789', specialty: null, hubId: 'expert-legoff' },
      signedAt: '2026-11-23T10:20:00.000Z',
      replaces: null,
      correctionReason: null,
      sha256: '0'.repeat(64),
    },
  },
  'encounters.expertPrescription': {
    callId: 'call-1',
    prescription: {
      id: SOME_ID,
      encounterId: SOME_ID,
      patient: { birthName: 'LE GALL', usedName: null, firstName: 'ANNE', birthDate: '1956-12-03', sex: 'F' },
      lines: [{ kind: 'nursing', text: 'Pansement tous les 3 jours.' }],
      author: { name: 'Dr Le Goff', rpps: '10003456789', specialty: null, hubId: 'expert-legoff' },
      signedAt: '2026-11-23T10:20:00.000Z',
      replaces: null,
      correctionReason: null,
      sha256: '0'.repeat(64),
    },
  },
  'encounters.prescriptions': { id: SOME_ID },
  'encounters.prescriptionPdf': { prescriptionId: SOME_ID },
  'encounters.escalationStep': {
    encounterId: SOME_ID,
    escalationId: SOME_ID,
    rank: 1,
    offerId: 'neuro-garde',
    expertId: 'dr-garde',
    expertName: 'Dr Garde',
    rungAt: '2026-12-07T19:00:00.000Z',
    outcome: 'offline',
    waitedSeconds: 0,
    delaySeconds: 30,
    source: { kind: 'weekly', detail: '', decidedBy: 'hub' },
  },
  'encounters.escalation': { id: SOME_ID },
  'imaging.dropBegin': {},
  'imaging.dropChunk': { dropId: SOME_ID, file: 0, offset: 0, data: 'AAAA' },
  'imaging.dropScan': { dropId: SOME_ID },
  'imaging.series': { seriesUid: '1.2.3' },
  'imaging.frame': { sopInstanceUid: '1.2.3.4', frame: 0 },
  'pacs.search': { patientName: 'DOE*', modality: 'CT' },
  'pacs.retrieve': { studyUid: '1.2.3', patientId: SOME_ID },
  'pacs.status': {},
  'pacs.sendPhoto': { attachmentId: SOME_ID },
  'stroke.sheet': { encounterId: SOME_ID },
  'stroke.change': { encounterId: SOME_ID, change: { kind: 'nihss', item: '1a', score: 0 }, by: 'Dr Kerleau' },
  'attachments.begin': {
    callId: 'call-1',
    kind: 'auscultation',
    mime: 'audio/wav',
    size: 44,
    sha256: 'a'.repeat(64),
    bodySite: 'mitral',
    device: 'Stéthoscope',
    author: 'IDE',
    takenAt: '2026-11-23T10:00:00.000Z',
  },
  'attachments.chunk': { uploadId: SOME_ID, offset: 0, data: 'UklGRg==' },
  'attachments.finish': { uploadId: SOME_ID },
  'teleexpertise.create': {
    patientId: SOME_ID,
    specialty: 'dermatologie',
    expert: null,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD',
    question: 'Naevus ?',
    context: 'Depuis 3 mois',
    priority: 'urgent',
  },
  'teleexpertise.get': { encounterId: SOME_ID },
  'teleexpertise.submit': { encounterId: SOME_ID, version: 1, consentBy: 'IDE Morvan' },
  'teleexpertise.provideInformation': {
    encounterId: SOME_ID,
    inResponseTo: SOME_ID,
    author: { name: 'IDE Morvan', role: 'nurse' },
    text: 'Pas de saignement.',
    attachmentIds: [SOME_ID],
  },
  'teleexpertise.specialties': {},
  'teleexpertise.inbox': {},
  'teleexpertise.open': { requestId: SOME_ID },
  'teleexpertise.file': { requestId: SOME_ID, fileId: SOME_ID },
  'teleexpertise.reply': {
    requestId: SOME_ID,
    kind: 'answer',
    author: { name: 'Dr Le Goff', role: 'physician' },
    text: 'Lésion bénigne.',
    recommendations: 'Surveillance.',
    followUp: 'none',
  },
  'audit.note': { event: 'imaging.shared', callId: 'call-1' },
  'audit.verify': {},
  'audit.recent': { limit: 10 },
  'calls.grantControl': { callId: 'call-1', by: 'IDE Morvan' },
  'calls.revokeControl': { callId: 'call-1', by: 'IDE Morvan' },
  'database.check': {},
  'database.backups': {},
  'database.backup': {},
  'database.checkBackup': { name: 'relais-20261123T101500000Z-daily.sqlite' },
  'database.decide': {
    action: 'restore',
    backup: 'relais-20261123T101500000Z-daily.sqlite',
    by: 'Yann Le Goff (technicien)',
  },
};

const NOT_OBJECTS: unknown[] = [undefined, null, 0, 42, 'text', true, [], [{}], () => 1];

// A value of another type than the one the field holds.
function wrongTypeFor(value: unknown): unknown[] {
  if (typeof value === 'string') return [123, null, { $gt: '' }, ['a']];
  if (typeof value === 'number') return ['1', -1.5, null, Number.NaN];
  if (Array.isArray(value)) return ['not-a-list', [42], { length: 1 }];
  if (value && typeof value === 'object') return ['text', 7, [], { nested: { deeply: true } }];
  return ['text', 7];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-contract-'));
const station = openStation(dir);
afterAll(() => {
  station.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(EMPTY_DRIVE, { recursive: true, force: true });
});

// kiosk.enter's valid example turns kiosk mode on, where the cabin's gate refuses most channels
// before their payload is read (kiosk-allow-list.test.ts): every case here starts outside it.
afterEach(async () => {
  await station.dispatch('kiosk.leave', VALID['kiosk.leave']);
});

describe.each(CHANNELS)('contract channel %s', (channel) => {
  it('has a valid example that passes validation', async () => {
    expect(VALID[channel]).toBeDefined();
    const result = await station.dispatch(channel, VALID[channel]);
    expect(!result.ok && result.error.code).not.toBe('validation_failed');
  });

  it.each(NOT_OBJECTS.map((v) => [typeof v === 'function' ? 'function' : (JSON.stringify(v) ?? 'undefined'), v]))(
    'refuses the payload %s',
    async (_label, payload) => {
      const result = await station.dispatch(channel, payload);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('validation_failed');
    },
  );

  it('refuses each field with the wrong type, naming the field', async () => {
    const example = VALID[channel] as Record<string, unknown>;
    for (const [key, value] of Object.entries(example)) {
      for (const wrong of wrongTypeFor(value)) {
        const result = await station.dispatch(channel, { ...example, [key]: wrong });
        expect(result.ok, `${channel}.${key} = ${JSON.stringify(wrong)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('validation_failed');
          expect(result.error.fields?.some((f) => f.path === key || f.path.startsWith(key + '.'))).toBe(true);
        }
      }
    }
  });

  it('refuses unknown fields, even huge ones', async () => {
    const huge = { ...(VALID[channel] as object), unexpected: 'x'.repeat(100_000) };
    const result = await station.dispatch(channel, huge);
    expect(!result.ok && result.error.code).toBe('validation_failed');
  });
});

describe('unknown channels', () => {
  it.each(['patients.delete', '__proto__', 'constructor', 'toString', '', 42, null])('refuses %s', async (name) => {
    const result = await station.dispatch(name, {});
    expect(!result.ok && result.error.code).toBe('unknown_channel');
  });
});
