// The patient's consent crosses a call station to station: the cart holds the act and its consents
// (Code de la santé publique R6316-2: the telemedicine act with the patient's consent; L1111-4: it
// may be withdrawn at any time), and the expert's station, which holds no act, takes a photo of the
// cart's picture only once the cart's main said the patient consents to recording. Real hub, two
// real stations, the contract the pages use.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import type { Channel, ChannelInput, ChannelOutput, EventPayload } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { provisionalIdentity } from '../helpers/identities';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const SECRET = 'consent-relay-secret';
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
    specialty: role === 'expert' ? 'cardiologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });

function stationOn(url: string, sub: string, role: NewClaims['role'], name: string) {
  const station = createStation({
    dataDir: tempDir(),
    mode: 'browser',
    logger: silentLogger,
    hubUrl: url,
    hubToken: token(sub, role, name),
  });
  cleanups.push(() => station.close());
  const pageMessages: EventPayload<'calls.message'>[] = [];
  const consentEvents: string[] = [];
  station.events.on('calls.message', (m) => pageMessages.push(m));
  station.events.on('calls.consentChanged', ({ callId }) => consentEvents.push(callId));
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    station.dispatch(channel, input) as Promise<Result<ChannelOutput<C>>>;
  const value = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return { call, value, pageMessages, consentEvents };
}

/** Waits for what the other station's main says, asked through the contract. */
async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const PHOTO = Buffer.from('not really a png, but bytes of a photo');
const photo = (callId: string) => ({
  callId,
  kind: 'snapshot' as const,
  mime: 'image/png' as const,
  size: PHOTO.length,
  sha256: createHash('sha256').update(PHOTO).digest('hex'),
  bodySite: null,
  device: 'Caméra de la pièce',
  author: 'Dr Caradec',
  takenAt: new Date().toISOString(),
});

describe('consent over a call (CSP R6316-2, L1111-4)', () => {
  it('the expert’s station records the cart’s picture only once the cart said the patient consents, and not after she withdraws', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const cart = stationOn(hub.url, 'cart-3', 'station', 'Chariot 3');
    const expert = stationOn(hub.url, 'dr-caradec', 'expert', 'Dr Caradec');
    for (const s of [cart, expert])
      await eventually(async () => (await s.value('calls.hub', {})).peers.length >= 1, 'both stations online');

    const created = await cart.value('patients.create', { identity: provisionalIdentity() });
    if (created.status !== 'created') throw new Error('patient not created');
    const act = await cart.value('encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Souffle cardiaque',
    });

    await cart.value('calls.send', { type: 'call.ring', to: 'dr-caradec', reason: 'Souffle cardiaque' });
    await waitFor(() => expert.pageMessages.some((m) => m.type === 'call.incoming'), 'the expert is rung');
    const incoming = expert.pageMessages.find((m) => m.type === 'call.incoming')!;
    const callId = incoming.type === 'call.incoming' ? incoming.callId : '';
    await expert.value('calls.send', { type: 'call.accept', callId });
    await waitFor(() => cart.pageMessages.some((m) => m.type === 'call.accepted'), 'the cart hears the answer');

    // Nobody said anything yet: the expert's station records nothing of the call.
    expect(await expert.value('calls.consent', { callId })).toMatchObject({ source: 'none', recording: null });
    expect(await expert.call('attachments.begin', photo(callId))).toMatchObject({
      ok: false,
      error: { code: 'consent_required', fields: [{ code: 'consent.call_without_act' }] },
    });

    // The nurse links her act to the call and records the patient's consent to recording: the cart's main tells the expert's.
    const linked = await cart.value('encounters.linkCall', { id: act.id, version: act.version, callId });
    await cart.value('encounters.consent', {
      encounterId: act.id,
      scope: 'recording',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: new Date().toISOString(),
    });
    await eventually(
      async () => (await expert.value('calls.consent', { callId })).recording === 'given',
      'the expert hears the consent',
    );
    expect(await expert.value('calls.consent', { callId })).toEqual({
      callId,
      source: 'remote',
      encounterId: null,
      patientId: null,
      recording: 'given',
      imageSharing: null,
    });
    expect(expert.consentEvents).toContain(callId);
    expect(await expert.call('attachments.begin', photo(callId))).toMatchObject({ ok: true });
    // The word is between the stations' mains: the expert's page never sees it as a call message.
    expect(
      expert.pageMessages.filter((m) => m.type === 'signal' && (m.data as { type?: string }).type === 'relais.consent'),
    ).toEqual([]);

    // She withdraws it: the expert's station records nothing more.
    await cart.value('encounters.consent', {
      encounterId: linked.id,
      scope: 'recording',
      decision: 'refused',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: new Date().toISOString(),
    });
    await eventually(
      async () => (await expert.value('calls.consent', { callId })).recording === 'refused',
      'the expert hears the withdrawal',
    );
    expect(await expert.call('attachments.begin', photo(callId))).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'consent.recording_refused' }] },
    });

    // A page cannot speak for the patient: the consent word is main's alone.
    const forged = await expert.call('calls.send', {
      type: 'signal',
      callId,
      data: { type: 'relais.consent', recording: 'given', imageSharing: 'given' },
    });
    expect(forged).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: [{ code: 'consent.signal_reserved' }] },
    });

    // The call ends: what the cart said goes with it.
    await cart.value('calls.send', { type: 'call.hangup', callId });
    await eventually(
      async () => (await expert.value('calls.consent', { callId })).source === 'none',
      'the expert forgets the word at the end of the call',
    );
  });
});
