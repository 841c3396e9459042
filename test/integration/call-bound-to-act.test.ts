// A call placed from an act is that act's call from the ring: the act's reason is the call's, the
// act names the call before anyone answers, and what the call captures (a photo, a chat line)
// lands in the act at once, with an event for its screen. A call placed without an act is
// attached to a patient's act afterwards, and what waited for an act then leaves for the region.
// Real hub (with its FHIR endpoint), real stations, the contract the pages use.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import type { EventPayload } from '../../src/shared/contract';
import { consentTo } from '../helpers/consent';
import { contractValue as value } from '../helpers/contract-value';
import { provisionalIdentity } from '../helpers/identities';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const SECRET = 'call-bound-secret';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const token = (sub: string, role: NewClaims['role'], name: string) =>
  issueToken(SECRET, {
    sub,
    role,
    name,
    site: role === 'expert' ? 'CHU de Brest' : 'EHPAD Les Tilleuls',
    specialty: role === 'expert' ? 'dermatologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });

function stationOn(hub: RunningHub, sub: string, role: NewClaims['role'], name: string) {
  const station = createStation({
    dataDir: tempDir(),
    mode: 'browser',
    logger: silentLogger,
    hubUrl: hub.url,
    hubToken: token(sub, role, name),
    fhirUrl: hub.fhirUrl,
    uploadsUrl: hub.uploadsUrl,
    syncTiming: { debounceMs: 5, intervalMs: 100 },
  });
  cleanups.push(() => station.close());
  const messages: EventPayload<'calls.message'>[] = [];
  const actsChanged: string[] = [];
  station.events.on('calls.message', (m) => messages.push(m));
  station.events.on('encounters.changed', ({ id }) => actsChanged.push(id));
  return { station, messages, actsChanged };
}

async function twoStations() {
  const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  cleanups.push(() => hub.close());
  const cart = stationOn(hub, 'cart-7', 'station', 'Chariot 7');
  const expert = stationOn(hub, 'dr-kerleroux', 'expert', 'Dr Kerleroux');
  for (const s of [cart, expert])
    for (let i = 0; (await value(s.station, 'calls.hub', {})).peers.length < 1; i++) {
      if (i > 500) throw new Error('the stations never saw each other on the hub');
      await new Promise((r) => setTimeout(r, 10));
    }
  return { hub, cart, expert };
}

const BIRTH_NAMES = ['Quéméner', 'Le Bihan', 'Tanguy'];
let patients = 0;
async function newAct(station: Station, reason: string) {
  const identity = provisionalIdentity({ birthName: BIRTH_NAMES[patients++ % BIRTH_NAMES.length] });
  const created = await value(station, 'patients.create', { identity, notDuplicateOf: [] });
  if (created.status !== 'created') throw new Error('patient not created');
  return value(station, 'encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD Les Tilleuls',
    reason,
  });
}

const PHOTO = Buffer.from('bytes of a photo of the lesion');
async function sendPhoto(station: Station, callId: string) {
  const { uploadId } = await value(station, 'attachments.begin', {
    callId,
    kind: 'snapshot',
    mime: 'image/png',
    size: PHOTO.length,
    sha256: createHash('sha256').update(PHOTO).digest('hex'),
    bodySite: null,
    device: 'Caméra de la pièce',
    author: 'IDE Morvan',
    takenAt: new Date().toISOString(),
  });
  await value(station, 'attachments.chunk', { uploadId, offset: 0, data: PHOTO.toString('base64') });
  return value(station, 'attachments.finish', { uploadId });
}

const incomingCallId = (messages: EventPayload<'calls.message'>[]) => {
  const m = messages.find((x) => x.type === 'call.incoming');
  return m?.type === 'call.incoming' ? m.callId : null;
};

describe('a call bound to its act', () => {
  it('is the act’s call from the ring, with the act’s reason, and its captures land in the act as they happen', async () => {
    const { cart, expert } = await twoStations();
    const act = await newAct(cart.station, 'Lésion pigmentée du dos');

    await value(cart.station, 'calls.ringForAct', { encounterId: act.id, to: 'dr-kerleroux', urgent: false });
    await waitFor(() => incomingCallId(expert.messages) !== null, 'the expert is rung');
    const callId = incomingCallId(expert.messages)!;
    const incoming = expert.messages.find((m) => m.type === 'call.incoming');
    expect(incoming).toMatchObject({ reason: 'Lésion pigmentée du dos' });
    // Bound before anyone answers: no later manual step.
    await waitFor(() => cart.actsChanged.includes(act.id), 'the act told of its call');
    const rung = await value(cart.station, 'encounters.get', { id: act.id });
    expect(rung.encounter.callId).toBe(callId);

    await value(expert.station, 'calls.send', { type: 'call.accept', callId });
    await waitFor(() => cart.messages.some((m) => m.type === 'call.accepted'), 'the cart hears the answer');
    await consentTo(cart.station, act.id);
    // A photo of the call (saved with the call only, as the call screen saves it) and a chat line.
    cart.actsChanged.length = 0;
    const photo = await sendPhoto(cart.station, callId);
    expect(cart.actsChanged).toContain(act.id);
    cart.actsChanged.length = 0;
    await value(cart.station, 'calls.chat', {
      callId,
      id: 'line-1',
      direction: 'received',
      author: 'Dr Kerleroux',
      text: 'Dermoscopie : réseau atypique, exérèse conseillée.',
      at: new Date().toISOString(),
    });
    expect(cart.actsChanged).toContain(act.id);
    const during = await value(cart.station, 'encounters.get', { id: act.id });
    expect(during.attachments.map((a) => a.id)).toEqual([photo.id]);
    expect(during.chat).toEqual([
      expect.objectContaining({ author: 'Dr Kerleroux', text: 'Dermoscopie : réseau atypique, exérèse conseillée.' }),
    ]);
    await value(cart.station, 'calls.send', { type: 'call.hangup', callId });
    await waitFor(() => expert.messages.some((m) => m.type === 'call.ended'), 'the call ends on both sides');
  });

  it('starts its act when the expert answers, if the patient consented to the act; else the act stays a draft', async () => {
    const { cart, expert } = await twoStations();
    const consented = await newAct(cart.station, 'Plaie du talon');
    await consentTo(cart.station, consented.id, 'act');
    const withoutConsent = await newAct(cart.station, 'Lésion du dos');
    for (const act of [consented, withoutConsent]) {
      const before = expert.messages.length;
      await value(cart.station, 'calls.ringForAct', { encounterId: act.id, to: 'dr-kerleroux', urgent: false });
      await waitFor(() => incomingCallId(expert.messages.slice(before)) !== null, 'the expert is rung');
      const callId = incomingCallId(expert.messages.slice(before))!;
      expect((await value(cart.station, 'encounters.get', { id: act.id })).encounter.status).toBe('draft');
      await value(expert.station, 'calls.send', { type: 'call.accept', callId });
      await waitFor(
        () => cart.messages.some((m) => m.type === 'call.accepted' && m.callId === callId),
        'the cart hears the answer',
      );
      await value(cart.station, 'calls.send', { type: 'call.hangup', callId });
      await waitFor(() => expert.messages.some((m) => m.type === 'call.ended' && m.callId === callId), 'the call ends');
    }
    const started = (await value(cart.station, 'encounters.get', { id: consented.id })).encounter;
    expect(started.status).toBe('in_progress');
    expect(started.startedAt).not.toBeNull();
    expect((await value(cart.station, 'encounters.get', { id: withoutConsent.id })).encounter).toMatchObject({
      status: 'draft',
      startedAt: null,
    });
  });

  it('a plain call cannot be rung for a closed act, nor for an act of no one', async () => {
    const { cart } = await twoStations();
    const act = await newAct(cart.station, 'Contrôle');
    await value(cart.station, 'encounters.setStatus', { id: act.id, version: act.version, status: 'closed' });
    expect(
      await cart.station.dispatch('calls.ringForAct', { encounterId: act.id, to: 'dr-kerleroux', urgent: false }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.closed' }] } });
    expect(
      await cart.station.dispatch('calls.ringForAct', {
        encounterId: '00000000-0000-4000-8000-000000000000',
        to: 'dr-kerleroux',
        urgent: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a call placed without an act is attached afterwards; what waited for an act then reaches the region', async () => {
    const { hub, cart, expert } = await twoStations();
    await value(cart.station, 'calls.send', { type: 'call.ring', to: 'dr-kerleroux', reason: 'Avis' });
    await waitFor(() => incomingCallId(expert.messages) !== null, 'the expert is rung');
    const callId = incomingCallId(expert.messages)!;
    await value(expert.station, 'calls.send', { type: 'call.accept', callId });
    await waitFor(() => cart.messages.some((m) => m.type === 'call.accepted'), 'the cart hears the answer');
    await value(cart.station, 'calls.chat', {
      callId,
      id: 'line-1',
      direction: 'sent',
      author: 'IDE Morvan',
      text: 'Patiente de la chambre 12.',
      at: new Date().toISOString(),
    });
    await value(cart.station, 'calls.send', { type: 'call.hangup', callId });
    const waiting = async () => (await value(cart.station, 'station.status', {})).sync.waitingForAct;
    for (let i = 0; (await waiting()) !== 1; i++) {
      if (i > 300) throw new Error('the chat line never waited for an act');
      await new Promise((r) => setTimeout(r, 20));
    }

    // An act that already holds another call is not given a second one (its captures would leave it).
    const other = await newAct(cart.station, 'Autre appel');
    await value(cart.station, 'calls.send', { type: 'call.ring', to: 'dr-kerleroux' });
    await waitFor(() => cart.messages.filter((m) => m.type === 'call.ringing').length === 2, 'the second call rings');
    const second = cart.messages.filter((m) => m.type === 'call.ringing').at(-1)!;
    const secondId = second.type === 'call.ringing' ? second.callId : '';
    await value(cart.station, 'calls.send', { type: 'call.cancel', callId: secondId });
    const holding = await value(cart.station, 'encounters.linkCall', {
      id: other.id,
      version: other.version,
      callId: secondId,
    });
    expect(
      await cart.station.dispatch('encounters.linkCall', { id: other.id, version: holding.version, callId }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.has_call' }] } });

    const journal = async () =>
      (await value(cart.station, 'calls.history', { limit: 10 })).find((c) => c.id === callId);
    expect((await journal())?.actId).toBeNull();
    const act = await newAct(cart.station, 'Avis');
    await value(cart.station, 'encounters.linkCall', { id: act.id, version: act.version, callId });
    // The call history and the sync screen's waiting calls say it is attached now.
    expect((await journal())?.actId).toBe(act.id);
    const record = await value(cart.station, 'encounters.get', { id: act.id });
    expect(record.chat.map((c) => c.text)).toEqual(['Patiente de la chambre 12.']);
    for (let i = 0; (await waiting()) !== 0; i++) {
      if (i > 300) throw new Error('the chat line still waits for an act');
      await new Promise((r) => setTimeout(r, 20));
    }
    const stationToken = token('cart-7', 'station', 'Chariot 7');
    let sent: { resource: Record<string, any> }[] = [];
    for (let i = 0; sent.length === 0; i++) {
      if (i > 300) throw new Error('the chat line never reached the region');
      const bundle = (await fetch(`${hub.fhirUrl}/Communication?_count=100`, {
        headers: { Authorization: `Bearer ${stationToken}` },
      }).then((r) => r.json())) as { entry?: { resource: Record<string, any> }[] };
      sent = bundle.entry ?? [];
      if (sent.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(sent.map((e) => e.resource)).toEqual([
      expect.objectContaining({
        encounter: { reference: `Encounter/${act.id}` },
        payload: [{ contentString: 'Patiente de la chambre 12.' }],
      }),
    ]);
  });
});
