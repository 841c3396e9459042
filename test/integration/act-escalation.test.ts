// The urgent call's escalation kept in its act (issue 22, point 4): each step the page reports is
// checked by main (the act is this station's, a call named is one this station rang and rang that
// expert, whose name is then the journal's) and kept once, in order, through the contract the page
// uses. Real hub, real stations, real SQLite.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import type { ChannelInput, EventPayload } from '../../src/shared/contract';
import { contractValue as value } from '../helpers/contract-value';
import { provisionalIdentity } from '../helpers/identities';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const SECRET = 'escalation-secret';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function stationOn(hubUrl: string, sub: string, role: NewClaims['role'], name: string) {
  const hubToken = issueToken(SECRET, {
    sub,
    role,
    name,
    site: role === 'expert' ? 'CHU de Brest' : 'Urgences de Morlaix',
    specialty: role === 'expert' ? 'neurologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });
  const station = createStation({ dataDir: tempDir(), mode: 'browser', logger: silentLogger, hubUrl, hubToken });
  cleanups.push(() => station.close());
  const messages: EventPayload<'calls.message'>[] = [];
  const actsChanged: string[] = [];
  station.events.on('calls.message', (m) => messages.push(m));
  station.events.on('encounters.changed', ({ id }) => actsChanged.push(id));
  let peers: string[] = [];
  station.events.on('calls.hubChanged', (hub) => (peers = hub.peers.map((p) => p.id)));
  return { station, messages, actsChanged, peers: () => peers };
}

async function cartAndNeurologist() {
  const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  cleanups.push(() => hub.close());
  const cart = stationOn(hub.url, 'urgences-morlaix', 'station', 'Urgences de Morlaix');
  const expert = stationOn(hub.url, 'dr-garde', 'expert', 'Dr Garde');
  await waitFor(() => cart.peers().includes('dr-garde'), 'the cart sees her on the hub');
  const created = await value(cart.station, 'patients.create', {
    identity: provisionalIdentity({ birthName: 'Quéméner' }),
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('patient not created');
  const act = await value(cart.station, 'encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'Dr Le Roux', role: 'physician' },
    site: 'Urgences de Morlaix',
    reason: 'Alerte AVC — thrombolyse à discuter',
  });
  return { cart, expert, act };
}

const step = (
  encounterId: string,
  fields: Partial<ChannelInput<'encounters.escalationStep'>>,
): ChannelInput<'encounters.escalationStep'> => ({
  encounterId,
  escalationId: '0b7e6f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  rank: 1,
  offerId: 'neuro-garde',
  expertId: 'dr-garde',
  expertName: 'dr-garde',
  rungAt: new Date().toISOString(),
  outcome: 'offline',
  waitedSeconds: 0,
  delaySeconds: 10,
  source: { kind: 'weekly', detail: '', decidedBy: 'hub' },
  ...fields,
});

describe('the escalation kept in the act', () => {
  it('keeps each step once, in order, with the journal’s name for the expert of a call, and tells the act', async () => {
    const { cart, act } = await cartAndNeurologist();
    await value(cart.station, 'calls.ringForAct', { encounterId: act.id, to: 'dr-garde', urgent: true });
    await waitFor(() => cart.messages.some((m) => m.type === 'call.ringing'), 'the ring is named');
    const ringing = cart.messages.find((m) => m.type === 'call.ringing');
    const callId = ringing?.type === 'call.ringing' ? ringing.callId : '';
    cart.actsChanged.length = 0;

    const first = step(act.id, {
      callId,
      expertName: 'Nom écrit par la page',
      outcome: 'no_answer',
      waitedSeconds: 10,
    });
    expect(await value(cart.station, 'encounters.escalationStep', first)).toEqual({ outcome: 'recorded' });
    expect(cart.actsChanged).toEqual([act.id]);
    // The page reporting the same step again (a retry) keeps it once.
    expect(await value(cart.station, 'encounters.escalationStep', first)).toEqual({ outcome: 'already_recorded' });
    await value(
      cart.station,
      'encounters.escalationStep',
      step(act.id, { rank: 2, expertId: 'dr-backup', expertName: 'Dr Backup', outcome: 'offline' }),
    );

    const kept = await value(cart.station, 'encounters.escalation', { id: act.id });
    expect(kept.map((s) => [s.rank, s.expertId, s.expertName, s.outcome, s.waitedSeconds, s.callId])).toEqual([
      [1, 'dr-garde', 'Dr Garde', 'no_answer', 10, callId],
      [2, 'dr-backup', 'Dr Backup', 'offline', 0, null],
    ]);
    expect(kept[0]!.source).toEqual({ kind: 'weekly', detail: '', decidedBy: 'hub' });
  });

  it('refuses a step of an unknown act, a call this station did not ring, one that rang someone else, and an answer without its call', async () => {
    const { cart, act } = await cartAndNeurologist();
    await value(cart.station, 'calls.ringForAct', { encounterId: act.id, to: 'dr-garde', urgent: true });
    await waitFor(() => cart.messages.some((m) => m.type === 'call.ringing'), 'the ring is named');
    const ringing = cart.messages.find((m) => m.type === 'call.ringing');
    const callId = ringing?.type === 'call.ringing' ? ringing.callId : '';
    const refusal = async (input: ChannelInput<'encounters.escalationStep'>) => {
      const r = await cart.station.dispatch('encounters.escalationStep', input);
      return r.ok ? null : (r.error.fields?.[0]?.code ?? r.error.code);
    };

    expect(await refusal(step(randomUUID(), {}))).toBe('not_found');
    expect(await refusal(step(act.id, { callId: 'call-of-another-station' }))).toBe('escalation.call_unknown');
    expect(await refusal(step(act.id, { callId, expertId: 'dr-backup' }))).toBe('escalation.not_the_call_expert');
    expect(await refusal(step(act.id, { outcome: 'answered' }))).toBe('escalation.call_needed');
    expect(await refusal(step(act.id, { rungAt: new Date(Date.now() + 3_600_000).toISOString() }))).toBe(
      'date.in_future',
    );
    expect(await refusal(step(act.id, { outcome: 'maybe' as never }))).toBe('field.invalid_choice');
    expect(await value(cart.station, 'encounters.escalation', { id: act.id })).toEqual([]);
  });
});
