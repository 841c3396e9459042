// The sync screen as the nurse meets it: an act changed on the regional server while she closed
// it here shows as a conflict with both versions field by field; she types her name, keeps the
// station's version, and the regional server receives it. A correction made on the server to
// another act comes back to the station when she presses "Synchroniser maintenant". A regional
// server restarted empty is noticed, and the screen says how many records went again.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { connectStationClient, type StationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';
import { answerWhoIAm } from './author';

const SECRET = 'e2e-sync-secret';
const token = issueToken(SECRET, {
  sub: 'cart-sync',
  role: 'station',
  name: 'Chariot 5',
  site: 'EHPAD Kerlann',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 3600,
});

let hub: RunningHub;
let station: RunningStation;
let client: StationClient;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-sync-'));
  hub = await startHub({ secret: SECRET, turnSecret: 'unused', turnUrls: [], offers: [] });
  station = await startStation(dataDir, { RELAIS_HUB_URL: hub.url, RELAIS_HUB_TOKEN: token, RELAIS_DEVICES: 'none' });
  client = await connectStationClient(station.url);
});
test.afterAll(async () => {
  client.close();
  await station.stop();
  await hub.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const headers = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' });
async function readOnServer(pathname: string): Promise<Record<string, any>> {
  return (await fetch(`${hub.fhirUrl}${pathname}`, { headers: headers() })).json() as Promise<Record<string, any>>;
}
async function editOnServer(pathname: string, change: (r: Record<string, any>) => Record<string, any>) {
  const current = await readOnServer(pathname);
  const response = await fetch(`${hub.fhirUrl}${pathname}`, {
    method: 'PUT',
    headers: { ...headers(), 'If-Match': `W/"${current.meta.versionId}"` },
    body: JSON.stringify(change(current)),
  });
  expect(response.status).toBe(200);
}

test('a conflict is shown with both versions and settled by the nurse; a server correction comes back', async ({
  page,
}) => {
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
  if (created.status !== 'created') throw new Error('no patient');
  const requester = { name: 'IDE Morvan', role: 'nurse' as const };
  const closedHere = await client.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester,
    site: 'EHPAD Kerlann',
    reason: 'Plaie du talon',
  });
  const correctedThere = await client.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleexpertise',
    assisted: false,
    requester,
    site: 'EHPAD Kerlann',
    reason: 'Naevus',
  });

  await page.goto(station.url);
  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  await page.getByRole('button', { name: 'Ouvrir la synchronisation' }).click();
  await expect(page.getByRole('heading', { name: 'Synchronisation', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(page.getByText(/^0 changement\(s\) en attente/)).toBeVisible();
  await expect(page.getByText('Rien à vérifier : tout ce qui pouvait partir est parti.')).toBeVisible();

  // The regional side corrects the first act's reason while the nurse cancels it here.
  await editOnServer(`/Encounter/${closedHere.id}`, (r) => ({
    ...r,
    reasonCode: [{ text: 'Plaie du talon, surinfectée' }],
  }));
  await client.value('encounters.setStatus', { id: closedHere.id, version: 1, status: 'closed' });
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();

  const card = page.getByRole('region', { name: `Acte ${closedHere.id}` });
  await expect(card).toBeVisible();
  const reasonRow = card.getByRole('row', { name: /^Motif reasonCode/ });
  await expect(reasonRow).toContainText('Plaie du talon"');
  await expect(reasonRow).toContainText('Plaie du talon, surinfectée');
  await expect(card.getByRole('row', { name: /^Statut status/ })).toContainText('"cancelled"');
  await expect(card.getByRole('row', { name: /^Statut status/ })).toContainText('"planned"');
  await card.getByRole('button', { name: 'Garder la version de la station' }).click();
  await answerWhoIAm(page, 'IDE Morvan'); // who decides, asked once
  await expect(card).toHaveCount(0);
  await expect
    .poll(async () => (await readOnServer(`/Encounter/${closedHere.id}`)).status, { timeout: 15_000 })
    .toBe('cancelled');
  expect((await readOnServer(`/Encounter/${closedHere.id}`)).reasonCode).toEqual([{ text: 'Plaie du talon' }]);

  // A correction on the server to an act unchanged here comes back with "Synchroniser maintenant".
  await editOnServer(`/Encounter/${correctedThere.id}`, (r) => ({
    ...r,
    reasonCode: [{ text: 'Naevus atypique du dos' }],
  }));
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect
    .poll(async () => (await client.value('encounters.get', { id: correctedThere.id })).encounter.reason, {
      timeout: 15_000,
    })
    .toBe('Naevus atypique du dos');
  await expect(page.getByText('Rien à vérifier : tout ce qui pouvait partir est parti.')).toBeVisible();
  await expect(page.getByText(/dernière reprise des changements du serveur : (?!jamais)/)).toBeVisible();
});

test('a regional server restarted empty is noticed, and the sync screen says what was sent again', async ({ page }) => {
  const created = await client.value('patients.create', {
    identity: {
      birthName: 'Kervella',
      firstName: 'Anne',
      birthDate: '1950-06-02',
      sex: 'F',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('no patient');
  await page.goto(station.url);
  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  await page.getByRole('button', { name: 'Ouvrir la synchronisation' }).click();
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(page.getByText(/^0 changement\(s\) en attente/)).toBeVisible();
  await expect(
    page.getByText(/^Dernière vérification que le serveur régional a bien tout ce que ce poste a envoyé : /),
  ).toBeVisible();

  // The development hub restarts with nothing, at the same address: the station finds out by itself.
  const port = hub.port;
  await hub.close();
  hub = await startHub({ secret: SECRET, turnSecret: 'unused', turnUrls: [], offers: [], port });
  await expect(
    page.getByText(/^\d+ enregistrement\(s\) absent\(s\) du serveur régional ont été renvoyés \(dernier envoi le /),
  ).toBeVisible({ timeout: 30_000 });
  expect((await fetch(`${hub.fhirUrl}/Patient/${created.patient.id}`, { headers: headers() })).status).toBe(200);
  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/^\d+ record\(s\) missing at the region were sent again \(last one on /)).toBeVisible();
});
