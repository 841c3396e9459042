// The nurse's whole journey on a cart (1366x768), from the patient to the signed report, with the
// expert at her desk (1920x1080) on the same regional hub (issue 20, "What must be shown", first
// bullet): "Nouvelle consultation", no patient found, a new one, "Nouvel acte" at the top of her
// screen, the act created (she says who she is once, at the first record), the consents, a
// measurement from the oximeter, "Appeler l'expert" from the act; during the call a photo of the
// picture, a chat line and a recording of the stethoscope; she hangs up (confirmed), reads the
// summary and goes back to the act, where every capture of the call is found; she writes and signs
// the report and the act says it is signed and closed. The patient banner is in view on every
// screen of the way, her name is typed once (counted in the page) and every record carries it.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { answerWhoIAm } from './author';
import { EXPERT, openCallTab, startCallSetup, type CallSetup } from './call-fixture';

const NURSE = 'IDE Morvan';
const LOOK = '/tmp/look-journey';

let setup: CallSetup | null = null;
test.afterEach(async () => {
  await setup?.stop();
  setup = null;
});

/** What she sees, kept to be looked at by eye (the viewport only: what is on her screen). */
async function look(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${LOOK}/${name}.png` });
}

/** The banner is in view and names Yvonne Le Bihan, her birth date and age, sex and identity status. */
async function expectBanner(page: Page): Promise<void> {
  const banner = page.getByRole('region', { name: 'Patient', exact: true });
  await expect(banner).toBeInViewport();
  await expect(banner).toContainText('LE BIHAN');
  await expect(banner).toContainText('YVONNE');
  await expect(banner).toContainText(/né\(e\) le 17\/02\/1941 · \d{2} ans/);
  await expect(banner).toContainText('Femme');
  await expect(banner).toContainText('Identité provisoire');
}

/** No textbox asks for a person's name as the author of something (the labels forms used before). */
async function expectNoAuthorField(page: Page): Promise<void> {
  const labels = [
    /Requérant/,
    /Demandeur/,
    /Recueilli par/,
    /Mesuré par/,
    /Ajouté par/,
    /Prise par/,
    /Autorisé par/,
    /Auteur/,
    /Signé par/,
    /Signataire/,
    /RPPS de l’auteur/,
  ];
  for (const label of labels) await expect(page.getByRole('textbox', { name: label })).toHaveCount(0);
}

/** The fields in which her name was typed, counted in the page: one per field, whatever typed it. */
function countNamesTyped(name: string): void {
  const fields = new WeakSet<EventTarget>();
  const typed: string[] = [];
  (window as unknown as { namesTyped: string[] }).namesTyped = typed;
  document.addEventListener(
    'input',
    (event) => {
      const field = event.target as HTMLInputElement | HTMLTextAreaElement | null;
      if (!field || typeof field.value !== 'string' || !field.value.includes(name) || fields.has(field)) return;
      fields.add(field);
      typed.push(field.labels?.[0]?.textContent?.trim() ?? field.getAttribute('aria-label') ?? field.name);
    },
    true,
  );
}

test('the nurse goes from a new patient to the signed report, the call captured on the act', async ({ browser }) => {
  test.setTimeout(300_000); // two stations and two fake cameras on a shared 2-core machine
  fs.mkdirSync(LOOK, { recursive: true });
  setup = await startCallSetup(browser, { viewport: { width: 1366, height: 768 } });
  const { cart, expert } = setup;
  await expert.page.setViewportSize({ width: 1920, height: 1080 });
  await cart.context.addInitScript(countNamesTyped, 'Morvan');
  await cart.page.reload();
  const page = cart.page;
  const who = page.getByRole('dialog', { name: 'Qui êtes-vous ?' });

  // The cart's home: "Nouvelle consultation"; she looks for Mme Le Bihan, who is not known here.
  await expect(page.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();
  await look(page, '01-home');
  await page.getByRole('button', { name: 'Nouvelle consultation' }).click();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill('Le Bihan');
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await expect(page.getByRole('region', { name: 'Résultats' })).toContainText('Aucun patient trouvé.');
  await look(page, '02-no-patient');

  // She creates her record, and lands on her screen with a confirmation and "Nouvel acte" at the top.
  await page.getByRole('button', { name: 'Nouveau patient' }).click();
  await page.getByLabel('Nom de naissance', { exact: true }).fill('Le Bihan');
  await page.getByLabel('Premier prénom de naissance', { exact: true }).fill('Yvonne');
  await page.getByLabel('Date de naissance', { exact: true }).fill('17/02/1941');
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByLabel('Code INSEE du lieu de naissance', { exact: true }).fill('29019');
  await page.getByLabel("Statut de l'identité", { exact: true }).selectOption('PROV');
  await expectNoAuthorField(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: /LE BIHAN.*YVONNE/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Patient enregistré' })).toBeInViewport();
  await expectBanner(page);
  const newAct = page.getByRole('button', { name: 'Nouvel acte', exact: true });
  await expect(newAct).toBeInViewport();
  await look(page, '03-patient-saved');

  // The act: a teleconsultation; no field asks for her name, creating it asks who she is, once.
  await newAct.click();
  const form = page.getByRole('form', { name: 'Nouvel acte' });
  await expect(form.getByLabel('Type d’acte')).toHaveValue('teleconsultation');
  await form.getByLabel('Motif').fill('Plaie du talon qui ne cicatrise pas');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Les Tilleuls');
  await expectNoAuthorField(page);
  await look(page, '04-new-act');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(who).toBeVisible();
  await look(page, '05-who-are-you');
  await answerWhoIAm(page, NURSE);
  await expect(
    page.getByRole('heading', { name: 'Téléconsultation — Plaie du talon qui ne cicatrise pas' }),
  ).toBeVisible();
  await expect(page.getByTestId('act-status')).toHaveText('Brouillon');
  await expect(page.getByTestId('act-status').locator('..')).toContainText(NURSE);
  await expectBanner(page);
  await expectNoAuthorField(page);

  // The patient's consents, to the act and to recording, collected by her; the act started.
  const consent = page.getByRole('form', { name: 'Consentement du patient' });
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await expect(page.getByText(/^à l’acte : Donné — par le patient \(recueilli par IDE Morvan/)).toBeVisible();
  await consent.getByLabel('Pour').selectOption('recording');
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await expect(page.getByText(/^à l’enregistrement : Donné — par le patient \(recueilli par IDE Morvan/)).toBeVisible();
  await page.getByRole('button', { name: 'Démarrer l’acte' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('En cours');

  // A measurement from the simulated oximeter on her finger (it streams from the station's start).
  const vitals = page.getByRole('list', { name: 'Mesures' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Prendre SpO2 et pouls de l’oxymètre' }).click();
    await expect(vitals.getByText(/^SpO2 : 9\d %/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(vitals.getByText(/^SpO2 : 9\d % — IDE Morvan, .* \(appareil .+\)$/)).toBeVisible();
  await expect(vitals).not.toContainText('oximeter-');
  await expectBanner(page);
  await look(page, '06-act-before-call');

  // "Appeler l'expert" from the act: the act's reason rings at the expert's desk.
  await page.getByRole('button', { name: 'Appeler l’expert' }).click();
  await page
    .getByRole('list', { name: 'Experts en ligne' })
    .getByRole('button', { name: `Appeler ${EXPERT.name}` })
    .click();
  const ring = expert.page.getByRole('alertdialog');
  await expect(ring).toContainText('Motif : Plaie du talon qui ne cicatrise pas');
  // While it rings, her call screen already says whom it is about.
  await expect(page.getByRole('alertdialog')).toContainText(`Appel vers ${EXPERT.name}`);
  await expectBanner(page);
  await look(page, '07-call-ringing');
  await look(expert.page, '07-expert-ringing');
  await ring.getByRole('button', { name: 'Répondre' }).click();
  for (const side of [page, expert.page])
    await expect(side.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  await expectBanner(page);

  // During the call: a chat line, read at the expert's desk...
  await page.getByLabel('Écrire un message').fill('Plaie de 2 cm, bords rouges.');
  await page.getByLabel('Écrire un message').press('Enter');
  await expect(expert.page.getByRole('region', { name: 'Messages' })).toContainText('Plaie de 2 cm, bords rouges.');
  await expect(expert.page.getByRole('region', { name: 'Messages' })).toContainText(NURSE);
  // ...a photo of the picture, by the keyboard (with two fake cameras decoding on a loaded machine,
  // a mouse click waits on a "stable" box the busy page may not report), listed under "Examen"...
  await page.getByRole('button', { name: 'Photo de l’image affichée' }).press('Enter');
  await openCallTab(page, 'Examen');
  const pieces = page.getByRole('region', { name: 'Pièces de l’appel' });
  await expect(pieces).toContainText('Photo');
  // ...and a recording of the stethoscope at one body site, which she picks.
  await page.getByRole('button', { name: 'Ajouter le stéthoscope' }).press('Enter');
  const auscultation = page.getByRole('region', { name: 'Auscultation' });
  await auscultation.getByLabel('Foyer').selectOption({ label: 'foyer mitral (apex)' });
  const record = auscultation.getByRole('button', { name: 'Enregistrer ce foyer' });
  await expect(record).toBeEnabled(); // the consent to recording given on the act, the site chosen
  await record.press('Enter');
  await page.waitForTimeout(1_500);
  await auscultation.getByRole('button', { name: /Arrêter et enregistrer/ }).press('Enter');
  // The WAV is encoded and saved after the stop: slow on a loaded machine.
  await expect(pieces).toContainText('Auscultation, foyer mitral (apex)', { timeout: 30_000 });
  // Letting the expert steer the camera asks for no name either.
  await openCallTab(page, 'Caméra');
  await expectNoAuthorField(page);
  await expectBanner(page);
  await look(page, '08-call-connected');
  await look(expert.page, '08-expert-connected');

  // She hangs up: a confirmation first, then the summary (who, how long, what was captured).
  await page.getByRole('button', { name: 'Raccrocher', exact: true }).press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Raccrocher ?' });
  await expect(confirm).toBeVisible();
  await look(page, '09-hangup-confirm');
  await confirm.getByRole('button', { name: 'Raccrocher' }).press('Enter');
  const summary = page.getByTestId('call-summary');
  await expect(summary).toContainText(`Avec ${EXPERT.name} (${EXPERT.site})`);
  await expect(summary.getByTestId('call-duration')).toContainText(/Durée : \d+:\d\d/);
  const captured = summary.getByTestId('call-captured');
  await expect(captured).toContainText('1 capture d’image');
  await expect(captured).toContainText('1 enregistrement');
  await expect(captured).toContainText('1 message');
  await expect(summary).toContainText('Rattaché à l’acte : Plaie du talon qui ne cicatrise pas');
  await expectBanner(page);
  await look(page, '10-summary');
  await look(expert.page, '10-expert-summary');
  await expect(summary.getByRole('button', { name: 'Retour à l’acte' })).toBeInViewport();

  // Back on the act: every capture of the call is there, in her name, with the measurement.
  await summary.getByRole('button', { name: 'Retour à l’acte' }).click();
  await expect(page.getByRole('heading', { name: /Plaie du talon/ })).toBeVisible();
  await expectBanner(page);
  const files = page.getByRole('list', { name: 'Fichiers' });
  await expect(files.getByText(/^Photo : .+ — IDE Morvan, .* · pendant l’appel$/)).toHaveCount(1);
  await expect(files.getByText(/^Auscultation : .+ — IDE Morvan, .* · pendant l’appel$/)).toHaveCount(1);
  const chat = page.getByRole('list', { name: 'Messages de l’appel' });
  await expect(chat.getByText(/^IDE Morvan \(\d\d:\d\d:\d\d\) : Plaie de 2 cm, bords rouges\.$/)).toBeVisible();
  // The list of experts has done its work: closed again, "Appeler l'expert" is at the top of the act.
  await expect(page.getByRole('button', { name: 'Appeler l’expert' })).toBeInViewport();
  await expect(page.getByRole('list', { name: 'Experts en ligne' })).toHaveCount(0);
  await expect(vitals.getByText(/^SpO2 : 9\d % — IDE Morvan/)).toBeVisible();
  await look(page, '11-act-after-call');

  // The report, written and signed in her name: the act says it is signed and closed.
  await page.getByRole('button', { name: 'Terminer (en attente du compte rendu)' }).click();
  const report = page.getByRole('form', { name: 'Compte rendu' });
  await report.getByLabel('Texte du compte rendu').fill('Plaie du talon de 2 cm, bords inflammatoires. Avis pris.');
  await expectNoAuthorField(page);
  await report.getByRole('button', { name: 'Signer le compte rendu' }).click();
  await expect(page.getByText(/^Signé par IDE Morvan le /)).toBeInViewport();
  await expectBanner(page);
  await look(page, '12-report-signed');
  // At the top of the act (where the page was when she opened it), the status in plain words.
  await page.evaluate('window.scrollTo(0, 0)');
  await expect(page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé');
  await expect(page.getByTestId('act-status')).toBeInViewport();
  await expect(page.getByRole('form', { name: 'Mesures' })).toHaveCount(0); // nothing more is added to it
  await expectBanner(page);
  await look(page, '13-act-signed');

  // Her name was typed once, in "Qui êtes-vous ?", and never asked again.
  await expect(who).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { namesTyped: string[] }).namesTyped)).toEqual(['Votre nom']);
});
