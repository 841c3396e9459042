// A cart and an expert's station on a real hub, with one act of the cart the expert took part in:
// the patient, the act with its consent, a call rung from the act, its context kept on her
// station. The expert may be signed in on a real OpenID provider (shaped like Pro Santé Connect).
// Used by the tests of her report and prescription (signing, delivery through the hub).
import { afterEach, beforeEach, expect } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type StationOptions } from '../../src/main/station';
import type { EventPayload } from '../../src/shared/contract';
import type { ReportSections } from '../../src/shared/acts/expert-report';
import { contractValue as value } from './contract-value';
import { validatedIdentity } from './identities';
import { CLIENT, signInInBrowser, startTestProvider, type TestProvider } from './oidc-provider';
import { useTempDir } from './temp-dir';
import { waitFor } from './wait';

export const CART = 'cart-7';
export const EXPERT = 'dr-kerleau';
const SECRET = 'expert-and-cart-secret';

/** Her dermatology report of the cart's act. */
export const DERMATOLOGY_REPORT: ReportSections = {
  motif: 'Lésion pigmentée du dos',
  histoire: 'Apparue il y a six mois, grandit.',
  examen: 'Lésion asymétrique de 8 mm, bords irréguliers, deux couleurs.',
  mesures: '',
  conclusion: 'Lésion suspecte de mélanome.',
  conduite: 'Exérèse en consultation de dermatologie sous quinze jours.',
  suivi: 'Résultat anatomopathologique au médecin traitant.',
};

/** A hub token of this test's hub (the helper's hub secret). */
export const tokenFor = (sub: string, role: NewClaims['role'], name: string) =>
  issueToken(SECRET, {
    sub,
    role,
    name,
    site: role === 'expert' ? 'CHU de Brest' : 'EHPAD Les Tilleuls',
    specialty: role === 'expert' ? 'dermatologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });

/** Sync timing of the hub delivery's tests: both stations push and pull often. */
export const FAST_SYNC = { debounceMs: 5, intervalMs: 100, pullIntervalMs: 150 };

/** Reads the hub's FHIR endpoint as `sub` would: its status, and the resource when it was allowed. */
export async function hubGet(fhirUrl: string, sub: string, role: 'station' | 'expert', path: string) {
  const response = await fetch(`${fhirUrl}${path}`, {
    headers: { Authorization: `Bearer ${tokenFor(sub, role, sub)}` },
  });
  return { status: response.status, json: response.ok ? ((await response.json()) as Record<string, any>) : null };
}

export interface ExpertAndCartOptions {
  expertSignsIn: boolean;
  /** Both stations sync with the hub, at this timing (the hub delivery's tests pull often). */
  syncTiming?: StationOptions['syncTiming'];
}

/** Registers the hooks; each test then calls the returned function for its two stations. */
export function useExpertAndCart() {
  const tempDir = useTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let provider: TestProvider;
  beforeEach(async () => {
    provider = await startTestProvider();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await provider.close();
  });

  function stationOn(
    hub: RunningHub,
    sub: string,
    role: NewClaims['role'],
    name: string,
    extra: Partial<StationOptions>,
  ) {
    const dataDir = tempDir();
    const open = () => {
      const station = createStation({
        dataDir,
        mode: 'browser',
        logger: silentLogger,
        hubUrl: hub.url,
        hubToken: tokenFor(sub, role, name),
        ...extra,
      });
      let closed = false;
      cleanups.push(async () => {
        if (!closed) await station.close();
      });
      const messages: EventPayload<'calls.message'>[] = [];
      station.events.on('calls.message', (m) => messages.push(m));
      return {
        station,
        dataDir,
        messages,
        close: async () => {
          closed = true;
          await station.close();
        },
      };
    };
    return { open, ...open() };
  }

  return async function expertAndCart(options: ExpertAndCartOptions) {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    // With a sync timing, both stations sync with the hub's FHIR endpoint; without, they do not sync.
    const timing = options.syncTiming ? { syncTiming: options.syncTiming, fhirUrl: hub.fhirUrl } : {};
    const cart = stationOn(hub, CART, 'station', 'Chariot 7', timing);
    const oidc = {
      discoveryUrl: provider.issuer,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      scope: 'openid profile',
    };
    const expert = stationOn(hub, EXPERT, 'expert', 'Dr Kerleau', {
      ...timing,
      ...(options.expertSignsIn ? { oidc } : {}),
    });
    if (options.expertSignsIn) {
      await signInInBrowser((await value(expert.station, 'identity.login', {})).authorizationUrl);
      await expect
        .poll(async () => (await value(expert.station, 'identity.state', {})).user?.name)
        .toBe('Anne KERLEAU');
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
    await value(cart.station, 'calls.ringForAct', { encounterId: act.id, to: EXPERT, urgent: false });
    await waitFor(() => expert.messages.some((m) => m.type === 'call.incoming'), 'the expert is rung');
    const incoming = expert.messages.find((m) => m.type === 'call.incoming');
    const callId = incoming?.type === 'call.incoming' ? incoming.callId : '';
    const cartCallId = (await value(cart.station, 'encounters.get', { id: act.id })).encounter.callId!;
    await value(cart.station, 'encounters.setStatus', { id: act.id, version: 2, status: 'in_progress' });
    const context = await value(cart.station, 'encounters.context', { id: act.id });
    await value(expert.station, 'remoteActs.keep', { callId, peerId: CART, context });
    return { hub, cart, expert, actId: act.id, cartCallId, callId };
  };
}
