// The region the screenshot tests look at: one hub, a cart (simulated devices), an expert
// workstation and a pharmacy cabin, each a built browser-mode host with its own data folder, and
// the same records on every run (fixed names, birth dates, reasons) so that the approved images
// stay comparable. What the stations stamp with their own clock (an act's creation time) still
// changes from run to run: screens-checks.ts masks it.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { connectStationClient, type StationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';
import { anOffer } from '../helpers/offers';

const SECRET = 'e2e-screens-secret';
export const CART = { sub: 'cart-ehpad-3', name: 'Chariot EHPAD 3', site: 'EHPAD Les Tilleuls' };
export const EXPERT = { sub: 'dr-kerleau', name: 'Dr Kerleau', site: 'CHU de Brest', specialty: 'neurologie' };
export const CABIN = { sub: 'cabin-port-1', name: 'Cabine Pharmacie du Port', site: 'Pharmacie du Port' };
export const CABIN_PIN = '482913';
/** The internal names a person must never read: the token subjects of this region. */
export const PEER_IDS = [CART.sub, EXPERT.sub, CABIN.sub, 'expert-local', 'expert-dev'];

export interface ScreensRegion {
  hub: RunningHub;
  cart: RunningStation;
  expert: RunningStation;
  cabin: RunningStation;
  patientId: string;
  actId: string;
  strokeActId: string;
  stop(): Promise<void>;
}

const token = (who: { sub: string; name: string; site: string; specialty?: string }, role: 'station' | 'expert') =>
  issueToken(SECRET, {
    sub: who.sub,
    role,
    name: who.name,
    site: who.site,
    specialty: who.specialty ?? null,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });

export async function startScreensRegion(): Promise<ScreensRegion> {
  const dirs = ['cart', 'expert', 'cabin'].map((n) => fs.mkdtempSync(path.join(os.tmpdir(), `relais-e2e-shots-${n}-`)));
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'unused',
    turnUrls: [],
    offers: [
      anOffer({
        id: 'neuro-brest',
        specialty: 'neurologie',
        hospital: 'CHU de Brest',
        acts: ['teleconsultation'],
        experts: [EXPERT.sub],
        urgent: true,
      }),
      anOffer({
        id: 'neuro-brest-te',
        specialty: 'neurologie',
        hospital: 'CHU de Brest',
        acts: ['teleexpertise'],
        experts: [EXPERT.sub],
        urgent: false,
      }),
    ],
  });
  const hubEnv = (t: string) => ({ RELAIS_HUB_URL: hub.url, RELAIS_HUB_TOKEN: t });
  const [cart, expert, cabin] = await Promise.all([
    startStation(dirs[0]!, hubEnv(token(CART, 'station'))),
    startStation(dirs[1]!, { ...hubEnv(token(EXPERT, 'expert')), RELAIS_DEVICES: 'none' }),
    startStation(dirs[2]!, { ...hubEnv(token(CABIN, 'station')), RELAIS_DEVICES: 'none' }),
  ]);
  const cartClient = await connectStationClient(cart.url);
  const expertClient = await connectStationClient(expert.url);
  const cabinClient = await connectStationClient(cabin.url);
  try {
    const records = await seedCart(cartClient);
    await sendExpertiseRequest(cartClient, records.patientId);
    // The request travels through the region: the expert's inbox shows it before any screen is taken.
    await expect
      .poll(async () => (await expertClient.value('teleexpertise.inbox', {})).length, { timeout: 30_000 })
      .toBe(1);
    await cabinClient.value('kiosk.enter', { pin: CABIN_PIN });
    return {
      hub,
      cart,
      expert,
      cabin,
      ...records,
      async stop() {
        await Promise.all([cart.stop(), expert.stop(), cabin.stop()]);
        await hub.close();
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } finally {
    for (const client of [cartClient, expertClient, cabinClient]) client.close();
  }
}

/** Yvonne Le Bihan with a teleconsultation in progress and a stroke act whose sheet is started. */
async function seedCart(client: StationClient) {
  const created = await client.value('patients.create', {
    identity: {
      birthName: 'Le Bihan',
      firstName: 'Yvonne',
      birthDate: '1941-02-17',
      sex: 'F',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error(`patient not created: ${created.status}`);
  const patientId = created.patient.id;
  const newAct = async (reason: string) => {
    const act = await client.value('encounters.create', {
      patientId,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD Les Tilleuls',
      reason,
    });
    await client.value('encounters.consent', {
      encounterId: act.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: new Date().toISOString(),
    });
    await client.value('encounters.setStatus', { id: act.id, version: act.version, status: 'in_progress' });
    return act.id;
  };
  const actId = await newAct('Plaie du talon gauche');
  const strokeActId = await newAct('Suspicion d’AVC');
  for (const [item, score] of [
    ['1a', 0],
    ['1b', 1],
    ['1c', 0],
  ] as const)
    await client.value('stroke.change', {
      encounterId: strokeActId,
      change: { kind: 'nihss', item, score },
      by: 'Dr Urgences',
    });
  return { patientId, actId, strokeActId };
}

async function sendExpertiseRequest(client: StationClient, patientId: string): Promise<void> {
  await expect.poll(() => client.value('teleexpertise.specialties', {}), { timeout: 15_000 }).toContain('neurologie');
  const request = await client.value('teleexpertise.create', {
    patientId,
    specialty: 'neurologie',
    expert: null,
    requester: { name: 'IDE Morvan', role: 'nurse', rpps: null, specialty: null },
    site: 'EHPAD Les Tilleuls',
    question: 'Céphalées inhabituelles depuis 3 jours : avis sur une imagerie ?',
    context: '85 ans, sous anticoagulant.',
    priority: 'routine',
  });
  await client.value('teleexpertise.submit', {
    encounterId: request.id,
    version: request.version,
    consentBy: 'IDE Morvan',
  });
}
