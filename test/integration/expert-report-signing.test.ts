// The expert writes and signs her report of the cart's act on her own station (issue 21, point 4):
// her draft kept as she left it, the signature in her signed-in name and RPPS (a real OpenID
// provider shaped like Pro Santé Connect) and her hub identity, the SHA-256 computed by her
// station; the requesting station files exactly what she signed. Real hub, real stations, the
// contract the pages use. Unsigned-in, nothing is signed; a second signature is a correction, with
// its reason, by the same physician, and the first version stays on both sides.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station, type StationOptions } from '../../src/main/station';
import type { EventPayload } from '../../src/shared/contract';
import type { ReportSections } from '../../src/shared/acts/expert-report';
import { contractValue as value } from '../helpers/contract-value';
import { validatedIdentity } from '../helpers/identities';
import { CLIENT, signInInBrowser, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const SECRET = 'expert-report-signing-secret';
const cleanups: (() => Promise<void>)[] = [];
let provider: TestProvider;
beforeEach(async () => {
  provider = await startTestProvider();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await provider.close();
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

function stationOn(
  hub: RunningHub,
  sub: string,
  role: NewClaims['role'],
  name: string,
  extra: Partial<StationOptions>,
) {
  const station = createStation({
    dataDir: tempDir(),
    mode: 'browser',
    logger: silentLogger,
    hubUrl: hub.url,
    hubToken: token(sub, role, name),
    ...extra,
  });
  cleanups.push(() => station.close());
  const messages: EventPayload<'calls.message'>[] = [];
  station.events.on('calls.message', (m) => messages.push(m));
  return { station, messages };
}

const sections: ReportSections = {
  motif: 'Lésion pigmentée du dos',
  histoire: 'Apparue il y a six mois, grandit.',
  examen: 'Lésion asymétrique de 8 mm, bords irréguliers, deux couleurs.',
  mesures: '',
  conclusion: 'Lésion suspecte de mélanome.',
  conduite: 'Exérèse en consultation de dermatologie sous quinze jours.',
  suivi: 'Résultat anatomopathologique au médecin traitant.',
};

/** A cart with its act, the expert's station (signed in or not), a call about the act, its context kept. */
async function actOnBothSides(expertSignsIn: boolean) {
  const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  cleanups.push(() => hub.close());
  const cart = stationOn(hub, 'cart-7', 'station', 'Chariot 7', {});
  const oidc = {
    discoveryUrl: provider.issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    scope: 'openid profile',
  };
  const expert = stationOn(hub, 'dr-kerleau', 'expert', 'Dr Kerleau', expertSignsIn ? { oidc } : {});
  if (expertSignsIn) {
    await signInInBrowser((await value(expert.station, 'identity.login', {})).authorizationUrl);
    await expect.poll(async () => (await value(expert.station, 'identity.state', {})).user?.name).toBe('Anne KERLEAU');
    await value(expert.station, 'identity.setPin', { pin: '4826' });
  }
  // Her station opens its records (the hub's peers among them) once she is signed in.
  for (const s of [cart, expert])
    await expect.poll(async () => (await value(s.station, 'calls.hub', {})).peers.length).toBeGreaterThan(0);
  const created = await value(cart.station, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
  if (created.status !== 'created') throw new Error('patient not created');
  const act = await value(cart.station, 'encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD Les Tilleuls',
    reason: 'Lésion pigmentée du dos',
  });
  await value(cart.station, 'encounters.consent', {
    encounterId: act.id,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: 'IDE Morvan',
    collectedAt: new Date().toISOString(),
  });
  await value(cart.station, 'calls.ringForAct', { encounterId: act.id, to: 'dr-kerleau', urgent: false });
  await waitFor(() => expert.messages.some((m) => m.type === 'call.incoming'), 'the expert is rung');
  const incoming = expert.messages.find((m) => m.type === 'call.incoming');
  const callId = incoming?.type === 'call.incoming' ? incoming.callId : '';
  const cartCallId = (await value(cart.station, 'encounters.get', { id: act.id })).encounter.callId!;
  await value(cart.station, 'encounters.setStatus', { id: act.id, version: 2, status: 'in_progress' });
  const context = await value(cart.station, 'encounters.context', { id: act.id });
  await value(expert.station, 'remoteActs.keep', { callId, peerId: 'cart-7', context });
  return { cart: cart.station, expert: expert.station, actId: act.id, cartCallId };
}

const codeOf = async (station: Station, channel: 'remoteActs.sign', input: object) => {
  const result = await station.dispatch(channel, input);
  return result.ok ? 'ok' : (result.error.fields?.[0]?.code ?? result.error.code);
};

describe('the expert’s report, on her station', () => {
  it('is refused to a station where nobody is signed in, and says why', async () => {
    const { expert, actId } = await actOnBothSides(false);
    const sign = { peerId: 'cart-7', actId, sections, replaces: null };
    expect(await codeOf(expert, 'remoteActs.sign', sign)).toBe('sign_in_required');
    expect((await value(expert, 'remoteActs.report', { peerId: 'cart-7', actId })).signed).toEqual([]);
  });

  it('keeps her draft, signs it in her name, and the cart files exactly what she signed; a correction keeps both', async () => {
    const { cart, expert, actId, cartCallId } = await actOnBothSides(true);
    const key = { peerId: 'cart-7', actId };
    // Her worklist: the act waits for its report, from the moment its context came.
    const states = async () => (await value(expert, 'remoteActs.worklist', {})).map((i) => i.state);
    const [owed] = await value(expert, 'remoteActs.worklist', {});
    expect(owed).toMatchObject({ peerName: 'Chariot 7', actId, reason: 'Lésion pigmentée du dos', state: 'to_write' });
    expect(owed?.patient.birthName).toBe(validatedIdentity().birthName.toUpperCase());
    const draft = { ...sections, conclusion: '' };
    await value(expert, 'remoteActs.saveDraft', {
      ...key,
      template: 'dermatology',
      sections: draft,
      replaces: null,
    });
    expect((await value(expert, 'remoteActs.report', key)).draft).toMatchObject({
      template: 'dermatology',
      sections: draft,
    });
    // A report without a conclusion is a draft, not a report.
    expect(await codeOf(expert, 'remoteActs.sign', { ...key, sections: draft, replaces: null })).toBe('field.required');

    const first = await value(expert, 'remoteActs.sign', { ...key, sections, replaces: null });
    expect(first.report.author).toEqual({
      name: 'Anne KERLEAU',
      rpps: '10001234567',
      specialty: expect.any(String),
      hubId: 'dr-kerleau',
    });
    expect(first.delivery).toEqual({ state: 'pending' });
    expect(await states()).toEqual(['waiting']);
    expect((await value(expert, 'remoteActs.report', key)).draft).toBeNull();
    // A second first version is refused: a change is a correction.
    expect(await codeOf(expert, 'remoteActs.sign', { ...key, sections, replaces: null })).toBe('report.already_signed');

    // Over the call (as the cart's page passes it on), the cart files it and closes the act.
    expect(await value(cart, 'encounters.expertReport', { callId: cartCallId, report: first.report })).toEqual({
      reportId: first.report.id,
      outcome: 'filed',
    });
    const record = await value(cart, 'encounters.get', { id: actId });
    expect(record.encounter.status).toBe('closed');
    expect(record.reports[0]).toMatchObject({
      id: first.report.id,
      author: { name: 'Anne KERLEAU', rpps: '10001234567' },
    });
    const delivered = await value(expert, 'remoteActs.delivered', {
      reportId: first.report.id,
      outcome: 'filed',
    });
    expect(delivered.delivery).toMatchObject({ state: 'delivered', via: 'call' });
    expect(await states()).toEqual([]);

    // Her correction: a new version with its reason; without the reason it is refused.
    const corrected = { ...sections, conduite: 'Exérèse sous huit jours.' };
    const correction = { ...key, sections: corrected, replaces: first.report.id };
    expect(await codeOf(expert, 'remoteActs.sign', correction)).toBe('field.required');
    const second = await value(expert, 'remoteActs.sign', { ...correction, correctionReason: 'Délai raccourci' });
    expect(second.report).toMatchObject({ replaces: first.report.id, correctionReason: 'Délai raccourci' });
    expect(await value(cart, 'encounters.expertReport', { callId: cartCallId, report: second.report })).toMatchObject({
      outcome: 'filed',
    });
    const both = await value(expert, 'remoteActs.report', key);
    expect(both.signed.map((r) => [r.report.id, r.replacedBy])).toEqual([
      [first.report.id, second.report.id],
      [second.report.id, null],
    ]);
    expect((await value(cart, 'encounters.get', { id: actId })).reports.map((r) => r.id).sort()).toEqual(
      [first.report.id, second.report.id].sort(),
    );
  });
});
