// The region's coordinator publishes an offer (issue 22, point 1): a station whose hub token is a
// coordinator's opens on "Offres de la région"; she fills an urgent neurology offer from the ANS's
// specialty table, with its hours (weekdays 08:00-18:00, closed on public holidays), its experts (one
// picked among the experts online, one typed) and its rota (a weekly line ringing both in order, an
// exception with its note); a mistake is said beside its field first. Published through her
// station's hub link, the offer comes back in the hub's directory: her screen lists it as the hub
// holds it, and the cart sees it on its "Appels" screen with its hours in words. Withdrawn after a
// confirmation, it leaves the cart's directory. The form is looked at in French and English at
// 1366x768, and read by the screens' checks (WCAG 2.1 AA, no raw key or English bubble).
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPERT, startCallSetup, startExtraStation, type CallSetup, type ExtraStation } from './call-fixture';
import { axeViolations, visibleTextFindings } from './screens-checks';
import { connectStationClient } from './station-client';

const LOOK = process.env.RELAIS_LOOK_DIR ?? path.join(os.tmpdir(), 'relais-look-coordinator');
const CART_SIZE = { width: 1366, height: 768 };
const COORDINATOR = { sub: 'coord-bretagne', name: 'Coordination Bretagne', site: 'GCS e-Santé Bretagne' };

let setup: CallSetup;
let coordinator: ExtraStation;

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(LOOK, { recursive: true });
  setup = await startCallSetup(browser, { hub: { offers: [] }, viewport: CART_SIZE });
  coordinator = await startExtraStation(browser, setup, COORDINATOR, 'coordinator', CART_SIZE);
});
test.afterAll(async () => {
  await coordinator?.stop();
  await setup?.stop();
});

/** A form's section by its legend. */
const section = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

test('the coordinator publishes an urgent offer with hours and a rota; the cart sees it, then it is withdrawn', async () => {
  const { page } = coordinator;
  await expect(page.getByRole('heading', { name: 'Offres de la région', level: 1 })).toBeVisible();
  await expect(page.getByText('Aucune offre publiée dans la région.')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle offre' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle offre', level: 2 })).toBeVisible();

  // A mistake first: the specialty and the hospital left empty are said beside their fields.
  await page.getByRole('button', { name: 'Publier l’offre' }).click();
  await expect(page.getByLabel('Établissement ou cabinet')).toHaveAccessibleDescription(/Champ obligatoire\./);
  await expect(page.getByLabel('Spécialité', { exact: true })).toHaveAccessibleDescription(/Champ obligatoire\./);

  const what = section(page, 'L’offre');
  await what.getByLabel('Spécialité', { exact: true }).selectOption({ label: 'Neurologie (SM32)' });
  await what.getByLabel('Établissement ou cabinet').fill('CHU de Brest');
  await what.getByLabel('Commune (code INSEE, facultatif)').fill('29019');
  await what.getByRole('checkbox', { name: 'Téléexpertise' }).check();
  await what.getByRole('checkbox', { name: /Offre urgente/ }).check();

  // Hours: Monday to Friday, 08:00 to 18:00, closed on public holidays.
  const hours = section(page, 'Horaires d’ouverture (heure de France)');
  const days = hours.getByRole('group', { name: 'Jours de la plage 1' });
  for (const day of ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.'])
    await expect(days.getByRole('checkbox', { name: day })).toBeChecked();
  await expect(days.getByRole('checkbox', { name: 'sam.' })).not.toBeChecked();
  await hours.getByLabel('De').fill('08:00');
  await hours.getByLabel('à').fill('18h00');
  await expect(hours.getByRole('checkbox', { name: 'Fermée les jours fériés' })).toBeChecked();

  // Her experts: Dr Kerleau, online, picked; Dr Morvan typed by her hub identity.
  const experts = section(page, 'Experts qui assurent l’offre');
  await experts
    .getByLabel('Ou choisir un expert connecté')
    .selectOption({ label: 'Dr Kerleau — neurologie — CHU de Brest' });
  await experts.getByRole('button', { name: 'Ajouter un expert' }).click();
  await experts.getByLabel('Identifiant sur le serveur régional').nth(1).fill('dr-morvan');
  await experts.getByLabel('Nom affiché').nth(1).fill('Dr Morvan');

  // The rota: a weekly line ringing Dr Kerleau then Dr Morvan; Christmas swapped to Dr Morvan.
  const rota = section(page, 'Tableau de garde');
  await expect(rota.getByLabel('Délai avant d’appeler le suivant (secondes)')).toHaveValue('30');
  await rota.getByRole('button', { name: 'Ajouter une ligne' }).click();
  const line = rota.getByRole('listitem').filter({ has: page.getByRole('group', { name: 'Jours de la ligne 1' }) });
  await line.getByLabel('Ajouter à l’ordre d’appel').selectOption({ label: 'Dr Kerleau' });
  await line.getByLabel('Ajouter à l’ordre d’appel').selectOption({ label: 'Dr Morvan' });
  await expect(line.getByRole('listitem')).toHaveText([/Dr Kerleau — de garde/, /Dr Morvan — remplaçant/]);
  await rota.getByRole('button', { name: 'Ajouter une exception' }).click();
  const exception = rota
    .getByRole('listitem')
    .filter({ has: page.getByRole('group', { name: 'Période de l’exception 1' }) });
  await exception.getByLabel('Du').fill('24/12/2026');
  await exception.getByLabel('à').first().fill('20:00');
  await exception.getByLabel('Au').fill('26/12/2026');
  await exception.getByLabel('à').nth(1).fill('08:00');
  await exception.getByLabel('Ajouter à l’ordre d’appel').selectOption({ label: 'Dr Morvan' });
  await exception.getByLabel('Note').fill('échange de garde');

  // The form looked at, in French then in English, at a cart's 1366x768, and read by the checks.
  await page.screenshot({ path: `${LOOK}/offer-form-fr-1366.png` });
  await page.screenshot({ path: `${LOOK}/offer-form-fr-full.png`, fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  // Her form asks for the experts' hub identities on purpose (she types or picks them): the one
  // shown in its field is no leak; anything else the checks find is.
  const purposeful = (findings: string[]) => findings.filter((f) => f !== `peer id: "${EXPERT.sub}"`);
  expect(purposeful(await visibleTextFindings(page, 'fr'))).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'New offer', level: 2 })).toBeVisible();
  await page.screenshot({ path: `${LOOK}/offer-form-en-1366.png` });
  await page.screenshot({ path: `${LOOK}/offer-form-en-full.png`, fullPage: true });
  expect(purposeful(await visibleTextFindings(page, 'en'))).toEqual([]);
  await page.getByRole('button', { name: 'Français' }).click();

  // Published: the screen lists the offer as the hub's directory returns it.
  await page.getByRole('button', { name: 'Publier l’offre' }).click();
  await expect(page.getByRole('status')).toContainText('Offre publiée : Neurologie — CHU de Brest.');
  const published = page.getByRole('listitem', { name: 'Neurologie — CHU de Brest' });
  await expect(published.getByRole('heading')).toHaveText('Neurologie (SM32) — CHU de Brest Urgence');
  await expect(published).toContainText('Téléconsultation, Téléexpertise');
  await expect(published).toContainText('Horaires : lun.–ven. 08:00–18:00, fermé les jours fériés');
  await expect(published).toContainText('Experts : Dr Kerleau, Dr Morvan.');
  await expect(published).toContainText('Garde (chaque expert sonne 30 s avant le suivant)');
  await expect(published).toContainText('lun.–ven. 08:00–18:00 : Dr Kerleau → Dr Morvan');
  await expect(published).toContainText('Du 24/12/2026 20:00 au 26/12/2026 08:00 : Dr Morvan (échange de garde)');
  await page.screenshot({ path: `${LOOK}/offers-list-fr-1366.png` });

  // The cart's directory has it, with its hours in words, and the expert named in it.
  const cart = setup.cart.page;
  await cart.getByRole('button', { name: 'Appels', exact: true }).click();
  const inDirectory = cart.getByRole('listitem').filter({ hasText: 'Neurologie — CHU de Brest' });
  await expect(inDirectory).toContainText('Horaires : lun.–ven. 08:00–18:00, fermé les jours fériés');
  await expect(inDirectory).toContainText(`${EXPERT.name} — disponible`);
  await cart.screenshot({ path: `${LOOK}/cart-directory-fr-1366.png` });

  // Changed: the form comes back with what was published; a longer delay is published in its place.
  await published.getByRole('button', { name: 'Modifier l’offre Neurologie' }).click();
  await expect(page.getByRole('heading', { name: 'Modifier l’offre Neurologie', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Spécialité', { exact: true })).toHaveValue('SM32');
  await expect(page.getByLabel('Note')).toHaveValue('échange de garde');
  await expect(page.getByRole('textbox', { name: 'Du', exact: true })).toHaveValue('24/12/2026');
  await page.getByLabel('Délai avant d’appeler le suivant (secondes)').fill('45');
  await page.getByRole('button', { name: 'Publier l’offre' }).click();
  await expect(published).toContainText('Garde (chaque expert sonne 45 s avant le suivant)');
  await expect(page.getByRole('listitem', { name: /CHU de Brest/ })).toHaveCount(1);

  // Withdrawn after a confirmation; kept when she changes her mind.
  await published.getByRole('button', { name: 'Retirer l’offre Neurologie' }).click();
  const confirm = page.getByRole('dialog', { name: 'Retirer cette offre ?' });
  await expect(confirm).toContainText('L’offre Neurologie — CHU de Brest disparaîtra');
  await confirm.getByRole('button', { name: 'Garder l’offre' }).click();
  await expect(published).toBeVisible();
  await published.getByRole('button', { name: 'Retirer l’offre Neurologie' }).click();
  await confirm.getByRole('button', { name: 'Retirer l’offre' }).click();
  await expect(page.getByRole('status')).toContainText('Offre retirée : Neurologie — CHU de Brest.');
  await expect(published).toHaveCount(0);
  await expect(cart.getByText('Neurologie — CHU de Brest')).toHaveCount(0);
});

test('a cart cannot publish an offer: its station refuses before anything reaches the hub', async () => {
  const client = await connectStationClient(setup.cart.station.url);
  // The refusal's words, as the station answers them (code and message).
  const refusal = await client.value('scheduling.withdrawOffer', { offerId: 'neuro-brest' }).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  client.close();
  expect(refusal).toContain('"code":"forbidden"');
  expect(refusal).toContain('known to the hub as station \\"cart-ehpad-3\\"');
});
