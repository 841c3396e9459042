// The waiting queue of an offer (issue 22, point 5), on four built stations in browser mode around
// one hub: two pharmacy cabins in kiosk mode wait for the region's general medicine offer; two
// general practitioners see both on their home, neither named in the offer for the first (the
// offer is open to its specialty). The first takes the first cabin: the second cabin sees its
// place go from 2 to 1, the other expert sees one station left, and the first cabin's call
// connects with the doctor who took it, whose station answered by itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { anOffer } from '../helpers/offers';
import { toTheDoctorStep } from './cabin-steps';
import { hangUp } from './call-fixture';
import { startStation, type RunningStation } from './station-host';

const SECRET = 'e2e-queue-secret';
const OFFER = anOffer({
  id: 'mg-finistere',
  specialty: 'médecine générale',
  hospital: 'Maison de santé de Landerneau',
  // Named: a doctor who is not online. The two who are serve it by their specialty.
  experts: [{ id: 'dr-absent', name: 'Dr Absent' }],
  openToSpecialty: true,
  // Open at every hour, so that the test does not depend on when it runs (hours: hub-queue-holidays.test.ts).
  hours: { alwaysOpen: false, rules: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }], holidays: 'open' },
});
const CABINS = [
  { sub: 'cabin-port', name: 'Pharmacie du Port', site: 'Pharmacie du Port, Brest', patient: ['Kerguelen', 'Annick'] },
  {
    sub: 'cabin-halles',
    name: 'Pharmacie des Halles',
    site: 'Pharmacie des Halles, Quimper',
    patient: ['Le Du', 'Maïwenn'],
  },
] as const;
const EXPERTS = [
  { sub: 'dr-le-goff', name: 'Dr Le Goff', site: 'Cabinet de Plouzané' },
  { sub: 'dr-morvan', name: 'Dr Morvan', site: 'Cabinet de Morlaix' },
] as const;

interface Opened {
  station: RunningStation;
  context: BrowserContext;
  page: Page;
  dir: string;
}
let hub: RunningHub;
const opened: Opened[] = [];

async function open(
  browser: Browser,
  who: { sub: string; name: string; site: string },
  role: 'station' | 'expert',
  viewport: { width: number; height: number },
): Promise<Page> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `relais-e2e-queue-${who.sub}-`));
  const token = issueToken(SECRET, {
    sub: who.sub,
    role,
    name: who.name,
    site: who.site,
    specialty: role === 'expert' ? 'médecine générale' : null,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  const station = await startStation(dir, { RELAIS_HUB_URL: hub.url, RELAIS_HUB_TOKEN: token, RELAIS_DEVICES: 'none' });
  const context = await browser.newContext({ locale: 'fr-FR', viewport });
  const page = await context.newPage();
  await page.goto(station.url);
  opened.push({ station, context, page, dir });
  return page;
}

test.afterAll(async () => {
  for (const { context, station, dir } of opened.splice(0)) {
    await context.close();
    await station.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await hub?.close();
});

const position = (cabin: Page) => cabin.getByTestId('queue-position');

test('two cabins wait for one offer, two doctors see both, one takes the first', async ({ browser }) => {
  test.setTimeout(240_000);
  hub = await startHub({ secret: SECRET, turnSecret: 'unused', turnUrls: [], offers: [OFFER] });
  const cabins = [
    await open(browser, CABINS[0], 'station', { width: 1366, height: 768 }),
    await open(browser, CABINS[1], 'station', { width: 1366, height: 768 }),
  ];
  const experts = [
    await open(browser, EXPERTS[0], 'expert', { width: 1280, height: 900 }),
    await open(browser, EXPERTS[1], 'expert', { width: 1280, height: 900 }),
  ];
  for (const [i, cabin] of cabins.entries()) await toTheDoctorStep(cabin, CABINS[i]!.patient);

  const join = 'Attendre un médecin : médecine générale, Maison de santé de Landerneau';
  await cabins[0]!.getByRole('button', { name: join }).click();
  await expect(position(cabins[0]!)).toHaveText('Votre place : 1');
  await expect(cabins[0]!.getByText('Vous êtes le prochain patient.')).toBeVisible();
  await cabins[1]!.getByRole('button', { name: join }).click();
  await expect(position(cabins[1]!)).toHaveText('Votre place : 2');
  await expect(cabins[1]!.getByText('Il y a 1 patient avant vous.')).toBeVisible();
  // Two doctors online share two consultations of 15 minutes (the stated default, none measured yet).
  await expect(cabins[1]!.getByText('Attente estimée : environ 15 minutes.')).toBeVisible();

  // Both doctors see both cabins, in the order they joined, on their home.
  for (const expert of experts) {
    const waiting = expert.getByRole('list', {
      name: 'En attente pour médecine générale (Maison de santé de Landerneau)',
    });
    await expect(waiting.getByRole('listitem')).toHaveCount(2);
    await expect(waiting.getByRole('listitem').nth(0)).toContainText(`${CABINS[0].name} (${CABINS[0].site})`);
    await expect(waiting.getByRole('listitem').nth(1)).toContainText(`${CABINS[1].name} (${CABINS[1].site})`);
    await expect(waiting.getByRole('listitem').nth(0)).toContainText('Motif : Téléconsultation en cabine de pharmacie');
  }
  await cabins[1]!.screenshot({ path: test.info().outputPath('cabin-waiting.png') });
  await experts[0]!
    .getByRole('region', { name: 'Files d’attente' })
    .screenshot({ path: test.info().outputPath('expert-queue-panel.png') });

  // Dr Le Goff, a general practitioner the offer does not name, takes the first cabin.
  await experts[0]!.getByRole('button', { name: `Prendre ${CABINS[0].name}` }).click();
  await expect(position(cabins[1]!)).toHaveText('Votre place : 1');
  await expect(cabins[1]!.getByText('Vous êtes le prochain patient.')).toBeVisible();
  const left = experts[1]!.getByRole('list', { name: /En attente pour médecine générale/ });
  await expect(left.getByRole('listitem')).toHaveCount(1);
  await expect(left.getByRole('listitem')).toContainText(CABINS[1].name);

  // The first cabin rang her with the entry; her station answered without a click.
  for (const page of [cabins[0]!, experts[0]!])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 30_000 });
  await expect(experts[0]!.getByRole('alertdialog')).toHaveCount(0);
  await expect(cabins[0]!.locator('#in-call-title')).toContainText(EXPERTS[0].name);
  await expect(experts[0]!.locator('#in-call-title')).toContainText(CABINS[0].name);
  await expect(experts[1]!.getByTestId('call-phase')).toHaveCount(0);
  await hangUp(cabins[0]!);

  // The second cabin's patient steps out: her place is kept, and no doctor can take her meanwhile.
  await cabins[1]!.getByRole('button', { name: 'Je m’absente un moment' }).click();
  await expect(cabins[1]!.getByText('Votre place est gardée')).toBeVisible();
  const hers = experts[1]!.getByRole('list', { name: /En attente pour médecine générale/ }).getByRole('listitem');
  await expect(hers).toContainText('Patient absent un moment');
  await expect(hers.getByRole('button', { name: `Prendre ${CABINS[1].name}` })).toBeDisabled();
  await cabins[1]!.getByRole('button', { name: 'Je suis de retour' }).click();
  await expect(position(cabins[1]!)).toHaveText('Votre place : 1');
  await expect(hers.getByRole('button', { name: `Prendre ${CABINS[1].name}` })).toBeEnabled();
});
