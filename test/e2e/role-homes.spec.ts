// Each station's home by its role (issue 20, point 3): the cart starts a consultation and sees the
// acts in progress and the place of today's appointments; the expert sees the requests to answer,
// her acts awaiting a report and her missed calls, never the cabin card; a cabin outside kiosk mode
// shows its pharmacy. Paths, servers and keys are on the "Technique" page, not on a clinician's home.
import { expect, test } from '@playwright/test';
import { CART, EXPERT, startCallSetup, type CallSetup } from './call-fixture';
import { connectStationClient } from './station-client';

let setup: CallSetup;
test.beforeAll(async ({ browser }) => {
  setup = await startCallSetup(browser);
});
test.afterAll(async () => setup?.stop());

const NAV_CART = ['Accueil', 'Patients', 'Agenda', 'Appareils', 'Appels', 'Activité', 'Technique'];
// A cabin's pharmacist books from the patient's screen; the agenda is the carts' and the experts'.
const NAV_CABIN = ['Accueil', 'Patients', 'Appareils', 'Appels', 'Activité', 'Technique'];
const NAV_EXPERT = ['Accueil', 'Téléexpertise', 'Patients', 'Agenda', 'Appels', 'Activité', 'Technique'];

test('the cart: "Nouvelle consultation", the acts in progress, the appointments place, no technical detail', async () => {
  const { page, station, dataDir } = setup.cart;
  const client = await connectStationClient(station.url);
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
  if (created.status !== 'created') throw new Error('patient not created');
  const act = await client.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: CART.site,
    reason: 'Plaie du talon',
  });
  client.close();
  await page.reload();

  await expect(page.getByRole('navigation').getByRole('button')).toHaveText(NAV_CART);
  await expect(page.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();
  const inProgress = page.getByRole('region', { name: 'Patients et actes en cours' });
  await expect(inProgress).toContainText('LE BIHAN');
  await expect(inProgress).toContainText('Plaie du talon · Brouillon');
  await expect(page.getByRole('region', { name: 'Rendez-vous du jour' })).toContainText(
    'Aucun autre rendez-vous aujourd’hui.',
  );
  await expect(page.getByTestId('health-note')).toContainText(
    'En cas de problème, appelez le support informatique de votre établissement.',
  );
  // Nothing for the IT support on the nurse's home: no folder, no server address, no key, no cabin card.
  const main = page.locator('main');
  await expect(main).not.toContainText(dataDir);
  await expect(main).not.toContainText('ws://');
  await expect(main).not.toContainText('Chiffrement');
  await expect(main).not.toContainText('Passer en mode cabine');

  await inProgress.getByRole('button', { name: 'Ouvrir l’acte' }).click();
  await expect(page.getByText('Plaie du talon').first()).toBeVisible();
  expect(act.id).toBeTruthy();
  await page.getByRole('button', { name: 'Accueil' }).click();
  await page.getByRole('button', { name: 'Nouvelle consultation' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
});

test('the "Technique" page holds the paths, the servers and the keys, and the cabin switch', async () => {
  const { page, dataDir } = setup.cart;
  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Technique', level: 1 })).toBeVisible();
  const status = page.getByRole('region', { name: 'État de la station' });
  await expect(status).toContainText(dataDir);
  await expect(status).toContainText(/Serveur régional\s*connecté \(ws:\/\/127\.0\.0\.1:\d+\/hub\)/);
  await expect(page.getByTestId('data-protection')).toContainText('Chiffrées (AES-256)');
  await expect(page.getByRole('button', { name: 'Passer en mode cabine' })).toBeVisible();
  await page.getByRole('button', { name: 'Synchronisation et base de données' }).click();
  await expect(page.getByRole('heading', { name: 'Synchronisation', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Technique', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('the expert: requests, acts awaiting her report, missed calls and history; no cabin card, no devices', async () => {
  const { cart, expert } = setup;
  // A call she did not answer: the cart gives up while it rings.
  await cart.page.getByRole('button', { name: 'Appels', exact: true }).click();
  await cart.page.getByLabel('Motif de l’appel').fill('Avis sur une plaie');
  await cart.page
    .getByRole('button', { name: `Appeler ${EXPERT.name}` })
    .first()
    .click();
  await expect(expert.page.getByRole('alertdialog')).toContainText(`Appel entrant de ${CART.name}`);
  await cart.page.getByRole('button', { name: 'Annuler l’appel' }).click();
  for (const page of [cart.page, expert.page]) await page.getByRole('button', { name: 'Fermer' }).click();

  await expert.page.getByRole('button', { name: 'Accueil' }).click();
  await expect(expert.page.getByRole('navigation').getByRole('button')).toHaveText(NAV_EXPERT);
  await expect(expert.page.getByRole('region', { name: 'Demandes reçues' })).toBeVisible();
  await expect(expert.page.getByRole('region', { name: 'Comptes rendus à rédiger' })).toContainText(
    'Aucun compte rendu en attente.',
  );
  const missed = expert.page.getByRole('region', { name: 'Appels manqués' });
  await expect(missed).toContainText(`${CART.name} (${CART.site})`);
  await expect(missed).toContainText('annulé par l’appelant · Avis sur une plaie');
  await expect(expert.page.getByRole('region', { name: 'Derniers appels' })).toContainText(CART.name);
  await expect(expert.page.locator('main')).not.toContainText('Cabine de téléconsultation');
  await expert.page.getByRole('button', { name: 'Technique', exact: true }).click();
  await expect(expert.page.getByRole('region', { name: 'État de la station' })).toBeVisible();
  await expect(expert.page.getByRole('button', { name: 'Passer en mode cabine' })).toHaveCount(0);
});

test('a cabin outside kiosk mode: its home names the pharmacy and leads back to kiosk mode', async () => {
  const { page, station } = setup.cart;
  const client = await connectStationClient(station.url);
  await client.value('kiosk.enter', { pin: '482913' });
  const left = await client.value('kiosk.leave', { pin: '482913' });
  client.close();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Cabine de téléconsultation', level: 1 })).toBeVisible();
  await expect(page.getByTestId('pharmacy-name')).toHaveText(`Pharmacie ${left.site}`);
  await expect(page.getByRole('button', { name: 'Passer en mode cabine' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('button')).toHaveText(NAV_CABIN);
});
