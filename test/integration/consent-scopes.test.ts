// Consent scopes enforced by the station itself, through the contract the page uses (a page that
// skipped its own check meets the same refusal): no recording (sound, photo) without the patient's
// consent to recording, no image shown in a call, sent to the PACS or in a téléexpertise without
// her consent to image sharing. Rules: Code de la santé publique R6316-2 (a telemedicine act with the
// patient's free and informed consent) and L1111-4 (no act without it; it may be withdrawn at any
// time: the latest word counts).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentInput } from '../../src/shared/acts/consent';
import { provisionalIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { stationDatabase } from '../helpers/station-database';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const SOUND = Uint8Array.from({ length: 400 }, (_, i) => i % 251);
const nurse = { name: 'IDE Morvan', role: 'nurse' as const };

async function cart() {
  const dir = tempDir();
  const station = openStation(dir);
  opened.push(station);
  // A call as the hub would have announced it (the journal only takes files for its calls).
  const db = stationDatabase(dir);
  db.prepare(
    "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('call-1', 'outgoing', 'dr', 'Dr Kerleau', 'expert', 'CHU', '2026-11-23T10:00:00.000Z')",
  ).run();
  db.close();
  const patient = async (birthName: string, birthDate = '1941-02-17') => {
    const created = await station.value('patients.create', { identity: provisionalIdentity({ birthName, birthDate }) });
    if (created.status !== 'created') throw new Error('patient not created');
    return created.patient.id;
  };
  const act = async (patientId: string, callId: string | null = null) =>
    station.value('encounters.create', {
      patientId,
      act: 'teleconsultation',
      assisted: true,
      requester: nurse,
      site: 'EHPAD Les Tilleuls',
      reason: 'Dyspnée',
      callId,
    });
  const consent = (encounterId: string, scope: ConsentInput['scope'], decision: ConsentInput['decision']) =>
    station.value('encounters.consent', {
      encounterId,
      scope,
      decision,
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: new Date().toISOString(),
    });
  return { dir, station, patient, act, consent };
}

const sound = (where: { encounterId: string } | { callId: string }, extra: Record<string, unknown> = {}) => ({
  ...where,
  kind: 'auscultation' as const,
  mime: 'audio/wav' as const,
  size: SOUND.length,
  sha256: sha(SOUND),
  bodySite: 'mitral' as const,
  device: 'Stéthoscope',
  author: 'IDE Morvan',
  takenAt: '2026-11-23T10:05:00.000Z',
  ...extra,
});

describe('recording needs the patient’s consent to recording (CSP R6316-2, L1111-4)', () => {
  it('refuses a sound or a photo of an act without it, saying what is missing and how to record it; a refusal, or a withdrawal, is obeyed', async () => {
    const { station, patient, act, consent } = await cart();
    const encounter = await act(await patient('LE BIHAN'));
    const missing = await station.call('attachments.begin', sound({ encounterId: encounter.id }));
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'consent_required', fields: [{ path: 'consent', code: 'consent.recording_missing' }] },
    });
    if (!missing.ok) expect(missing.error.message).toMatch(/consent to recording.*record it in the act/i);
    const photo = sound({ encounterId: encounter.id }, { kind: 'snapshot', mime: 'image/png', bodySite: null });
    expect(await station.call('attachments.begin', photo)).toMatchObject({
      ok: false,
      error: { code: 'consent_required' },
    });
    // Consent to the act is not consent to its recording.
    await consent(encounter.id, 'act', 'given');
    expect(await station.call('attachments.begin', photo)).toMatchObject({
      ok: false,
      error: { code: 'consent_required' },
    });
    await consent(encounter.id, 'recording', 'refused');
    expect(await station.call('attachments.begin', photo)).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'consent.recording_refused' }] },
    });

    await consent(encounter.id, 'recording', 'given');
    const { uploadId } = await station.value('attachments.begin', sound({ encounterId: encounter.id }));
    await station.value('attachments.chunk', { uploadId, offset: 0, data: Buffer.from(SOUND).toString('base64') });
    // Withdrawn before the file was kept: nothing is kept.
    await consent(encounter.id, 'recording', 'refused');
    expect(await station.call('attachments.finish', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'consent_required' },
    });
    expect((await station.value('encounters.get', { id: encounter.id })).attachments).toEqual([]);
    // A letter the patient brought is no recording of her.
    const letter = Buffer.from('%PDF-1.4\n%%EOF\n');
    expect(
      await station.call('attachments.begin', {
        encounterId: encounter.id,
        kind: 'document',
        mime: 'application/pdf',
        size: letter.length,
        sha256: sha(letter),
        bodySite: null,
        device: 'Import',
        author: 'IDE',
        takenAt: '2026-11-23T10:05:00.000Z',
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a sound without its body site, whatever the consent', async () => {
    const { station, patient, act, consent } = await cart();
    const encounter = await act(await patient('LE BIHAN'));
    await consent(encounter.id, 'recording', 'given');
    expect(
      await station.call('attachments.begin', sound({ encounterId: encounter.id }, { bodySite: null })),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: [{ path: 'bodySite', code: 'auscultation.site_required' }] },
    });
  });

  it('in a call: records nothing while no act is linked to it, then follows the consents of the act it is linked to', async () => {
    const { station, patient, act, consent } = await cart();
    const noAct = await station.call('attachments.begin', sound({ callId: 'call-1' }));
    expect(noAct).toMatchObject({
      ok: false,
      error: { code: 'consent_required', fields: [{ path: 'consent', code: 'consent.call_without_act' }] },
    });
    expect(await station.value('calls.consent', { callId: 'call-1' })).toEqual({
      callId: 'call-1',
      source: 'none',
      encounterId: null,
      patientId: null,
      recording: null,
      imageSharing: null,
    });

    // An act opened before the call is linked to it; its consents are the call's.
    const patientId = await patient('LE BIHAN');
    const encounter = await act(patientId);
    const linked = await station.value('encounters.linkCall', {
      id: encounter.id,
      version: encounter.version,
      callId: 'call-1',
    });
    expect(linked).toMatchObject({ callId: 'call-1', version: encounter.version + 1 });
    expect(await station.call('attachments.begin', sound({ callId: 'call-1' }))).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'consent.recording_missing' }] },
    });
    await consent(encounter.id, 'recording', 'given');
    expect(await station.value('calls.consent', { callId: 'call-1' })).toMatchObject({
      source: 'local',
      encounterId: encounter.id,
      patientId,
      recording: 'given',
      imageSharing: null,
    });
    expect(await station.call('attachments.begin', sound({ callId: 'call-1' }))).toMatchObject({ ok: true });
    // A second act is not slipped under a call that has one.
    const other = await act(patientId);
    expect(
      await station.call('encounters.linkCall', { id: other.id, version: other.version, callId: 'call-1' }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'consent.call_has_act' }] } });
  });
});

describe('sharing images needs the patient’s consent to image sharing (CSP R6316-2, L1111-4)', () => {
  it('refuses to show a series in a call without it, or for another patient than the call’s', async () => {
    const { station, patient, act, consent } = await cart();
    const patientId = await patient('LE BIHAN');
    const share = { callId: 'call-1', patientId, label: 'TDM cérébral' };
    expect(await station.call('calls.shareImages', share)).toMatchObject({
      ok: false,
      error: { code: 'consent_required', fields: [{ code: 'consent.call_without_act' }] },
    });
    const encounter = await act(patientId, 'call-1');
    const missing = await station.call('calls.shareImages', share);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'consent_required', fields: [{ path: 'consent', code: 'consent.image_sharing_missing' }] },
    });
    if (!missing.ok) expect(missing.error.message).toMatch(/consent to sharing images.*record it in the act/i);
    await consent(encounter.id, 'image_sharing', 'refused');
    expect(await station.call('calls.shareImages', share)).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'consent.image_sharing_refused' }] },
    });
    await consent(encounter.id, 'image_sharing', 'given');
    expect(await station.value('calls.shareImages', share)).toEqual({ allowed: true });
    // Her consent is not another person's.
    const someoneElse = await patient('GUILLOU', '1950-07-01');
    expect(await station.call('calls.shareImages', { ...share, patientId: someoneElse })).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'consent.other_patient' }] },
    });
    // Each attempt is in the audit trail as an export of her images, the refused ones with their reason.
    const trail = (await station.value('audit.recent', { limit: 50 })).filter((e) => e.event === 'imaging.shared');
    expect(trail.map((e) => e.outcome).reverse()).toEqual([
      'consent_required',
      'consent_required',
      'consent_required',
      'success',
      'consent_required',
    ]);
    expect(trail.find((e) => e.outcome === 'success')).toMatchObject({
      action: 'export',
      patientIds: [patientId],
      detail: 'TDM cérébral',
    });
  });

  it('refuses to send an act’s photo to the PACS without it', async () => {
    const { station, patient, act, consent } = await cart();
    const encounter = await act(await patient('LE BIHAN'));
    await consent(encounter.id, 'recording', 'given');
    const { uploadId } = await station.value(
      'attachments.begin',
      sound({ encounterId: encounter.id }, { kind: 'snapshot', mime: 'image/png', bodySite: null }),
    );
    await station.value('attachments.chunk', { uploadId, offset: 0, data: Buffer.from(SOUND).toString('base64') });
    const photo = await station.value('attachments.finish', { uploadId });
    expect(await station.call('pacs.sendPhoto', { attachmentId: photo.id })).toMatchObject({
      ok: false,
      error: { code: 'consent_required', fields: [{ code: 'consent.image_sharing_missing' }] },
    });
    await consent(encounter.id, 'image_sharing', 'given');
    // Past the consent, this station has no PACS configured: that is what it says now.
    expect(await station.call('pacs.sendPhoto', { attachmentId: photo.id })).toMatchObject({
      ok: false,
      error: { code: 'pacs_unavailable' },
    });
  });

  it('refuses to send a téléexpertise holding photos without it', async () => {
    const { station, patient } = await cart();
    const patientId = await patient('LE BIHAN');
    const request = await station.value('teleexpertise.create', {
      patientId,
      requester: { name: 'Dr Guillou', role: 'physician' },
      site: 'EHPAD',
      specialty: 'dermatologie',
      question: 'Naevus ?',
      context: '',
      priority: 'routine',
    });
    await station.value('encounters.consent', {
      encounterId: request.id,
      scope: 'recording',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'Dr Guillou',
      collectedAt: new Date().toISOString(),
    });
    const { uploadId } = await station.value(
      'attachments.begin',
      sound({ encounterId: request.id }, { kind: 'snapshot', mime: 'image/png', bodySite: null }),
    );
    await station.value('attachments.chunk', { uploadId, offset: 0, data: Buffer.from(SOUND).toString('base64') });
    await station.value('attachments.finish', { uploadId });
    const refused = await station.call('teleexpertise.submit', {
      encounterId: request.id,
      version: request.version,
      consentBy: 'Dr Guillou',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'consent_required', fields: [{ code: 'consent.image_sharing_missing' }] },
    });
    // Nothing half-done: no consent to the act recorded, the request still a draft.
    const record = await station.value('encounters.get', { id: request.id });
    expect(record.encounter.status).toBe('draft');
    expect(record.consents.map((c) => c.scope)).toEqual(['recording']);
    await station.value('encounters.consent', {
      encounterId: request.id,
      scope: 'image_sharing',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'Dr Guillou',
      collectedAt: new Date().toISOString(),
    });
    expect(
      await station.call('teleexpertise.submit', {
        encounterId: request.id,
        version: request.version,
        consentBy: 'Dr Guillou',
      }),
    ).toMatchObject({ ok: true });
  });
});
