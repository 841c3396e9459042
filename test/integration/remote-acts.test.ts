// The expert's station keeps the acts of other stations she took part in (issue 21, point 1, the
// store points 4-6 build on): the latest context received over a call, when, the calls it came
// over and who she is, in the station's encrypted database. Real hub, real stations, the contract
// the pages use: a second context for the same act replaces the first; a context that did not come
// over a call of this station with that station, or a malformed one, is refused with a clear code.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import type { EventPayload } from '../../src/shared/contract';
import { contractValue as value } from '../helpers/contract-value';
import { provisionalIdentity } from '../helpers/identities';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const SECRET = 'remote-acts-secret';
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
  const dataDir = tempDir();
  const station = createStation({
    dataDir,
    mode: 'browser',
    logger: silentLogger,
    hubUrl: hub.url,
    hubToken: token(sub, role, name),
  });
  cleanups.push(() => station.close());
  const messages: EventPayload<'calls.message'>[] = [];
  station.events.on('calls.message', (m) => messages.push(m));
  return { station, messages, dataDir };
}

async function cartAndExpert() {
  const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  cleanups.push(() => hub.close());
  const cart = stationOn(hub, 'cart-7', 'station', 'Chariot 7');
  const other = stationOn(hub, 'cart-9', 'station', 'Chariot 9');
  const expert = stationOn(hub, 'dr-kerleroux', 'expert', 'Dr Kerleroux');
  for (const s of [cart, expert, other])
    for (let i = 0; (await value(s.station, 'calls.hub', {})).peers.length < 2; i++) {
      if (i > 500) throw new Error('the stations never saw each other on the hub');
      await new Promise((r) => setTimeout(r, 10));
    }
  return { cart, other, expert };
}

async function newAct(station: Station, birthName: string) {
  const identity = provisionalIdentity({ birthName });
  const created = await value(station, 'patients.create', { identity, notDuplicateOf: [] });
  if (created.status !== 'created') throw new Error('patient not created');
  return value(station, 'encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD Les Tilleuls',
    reason: 'Lésion pigmentée du dos',
  });
}

/** The cart rings the expert for its act; the call id as the expert's station knows it. */
async function ringFor(cart: ReturnType<typeof stationOn>, expert: ReturnType<typeof stationOn>, actId: string) {
  const before = expert.messages.length;
  await value(cart.station, 'calls.ringForAct', { encounterId: actId, to: 'dr-kerleroux', urgent: false });
  await waitFor(() => expert.messages.slice(before).some((m) => m.type === 'call.incoming'), 'the expert is rung');
  const m = expert.messages.slice(before).find((x) => x.type === 'call.incoming');
  return m?.type === 'call.incoming' ? m.callId : '';
}

describe('the remote acts kept on the expert’s station', () => {
  it('keeps a context, replaces it with the next one for the same act, lists and reads it, encrypted at rest', async () => {
    const { cart, expert } = await cartAndExpert();
    const act = await newAct(cart.station, 'Kermarrec');
    const callId = await ringFor(cart, expert, act.id);
    const first = await value(cart.station, 'encounters.context', { id: act.id });
    const kept = await value(expert.station, 'remoteActs.keep', { callId, peerId: 'cart-7', context: first });
    expect(kept).toMatchObject({
      peerId: 'cart-7',
      peerName: 'Chariot 7',
      actId: act.id,
      context: first,
      callIds: [callId],
      experts: [{ name: 'Dr Kerleroux', rpps: null, hubId: 'dr-kerleroux' }],
    });

    await value(cart.station, 'encounters.observe', {
      encounterId: act.id,
      vital: { code: 'spo2', value: 96, unit: '%' },
      takenAt: new Date().toISOString(),
      method: 'device',
      device: 'Oxymètre CMS50D',
      takenBy: 'IDE Morvan',
    });
    await value(expert.station, 'calls.send', { type: 'call.decline', callId });
    // A second call for the same act: its context replaces the first, both calls are named.
    const again = await ringFor(cart, expert, act.id);
    const second = await value(cart.station, 'encounters.context', { id: act.id });
    await value(expert.station, 'remoteActs.keep', { callId: again, peerId: 'cart-7', context: second });
    // An older context arriving late does not hide the newer one.
    await value(expert.station, 'remoteActs.keep', { callId: again, peerId: 'cart-7', context: first });

    const list = await value(expert.station, 'remoteActs.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ actId: act.id, callIds: [callId, again] });
    expect(list[0]!.context.measurements).toEqual([expect.objectContaining({ kind: 'spo2', values: [96] })]);
    expect(await value(expert.station, 'remoteActs.get', { peerId: 'cart-7', actId: act.id })).toEqual(list[0]);

    // Encrypted like every record: the patient's name is nowhere in the clear in the station's files.
    await expert.station.close();
    const files = fs.readdirSync(expert.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(file.parentPath, file.name));
      expect(bytes.includes(Buffer.from('KERMARREC')), file.name).toBe(false);
    }
  });

  it('refuses a context that did not come over a call of this station with that station, and a malformed one', async () => {
    const { cart, other, expert } = await cartAndExpert();
    const act = await newAct(cart.station, 'Guillou');
    const callId = await ringFor(cart, expert, act.id);
    const context = await value(cart.station, 'encounters.context', { id: act.id });

    // Another station of the region (cart-9, online) named as the sender of this call: refused, nothing kept.
    expect((await value(other.station, 'calls.hub', {})).you?.id).toBe('cart-9');
    const forged = await expert.station.dispatch('remoteActs.keep', { callId, peerId: 'cart-9', context });
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const unknownCall = await expert.station.dispatch('remoteActs.keep', {
      callId: 'no-call',
      peerId: 'cart-7',
      context,
    });
    expect(unknownCall).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const malformed = { ...context, patient: { ...context.patient, ins: { matricule: '1', oid: 'x' } } };
    const refused = await expert.station.dispatch('remoteActs.keep', { callId, peerId: 'cart-7', context: malformed });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await value(expert.station, 'remoteActs.list', {})).toEqual([]);
    expect(await expert.station.dispatch('remoteActs.get', { peerId: 'cart-7', actId: act.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
