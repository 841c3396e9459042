// The nurse calls the expert from the patient's act: the call is the act's from the ring (the
// act's reason rings on the expert's side, the patient banner is on the call screen), a snapshot
// and a chat line taken during the call land in the act as they happen, and after hanging up the
// summary says what was captured and "Retour à l'acte" finds each capture on the act. A
// measurement typed in the call's "Mesures" tab lands in the act too, and a wound act offers no
// stroke alert (only a stroke act rings the neurologist on duty).
import { expect, test } from '@playwright/test';
import { CART, EXPERT, openCallTab, startCallSetup, type CallSetup } from './call-fixture';
import { actOfYvonne } from './yvonne-act';
import { openPatient } from './patient-page';
import { answerWhoIAm } from './author';

let setup: CallSetup | null = null;
test.afterEach(async () => {
  await setup?.stop();
  setup = null;
});

test('the nurse calls the expert from the act and finds every capture of the call on it', async ({ browser }) => {
  test.setTimeout(120_000);
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  await actOfYvonne(cart.station.url, { consent: { scope: 'recording', givenBy: { kind: 'patient' } } });
  await openPatient(cart.page, 'Le Bihan', /LE BIHAN/);
  await cart.page.getByRole('button', { name: /Plaie du talon/ }).click();
  await expect(cart.page.getByText('Aucun fichier.')).toBeVisible();

  await cart.page.getByRole('button', { name: 'Appeler l’expert' }).click();
  // The region offers an urgent stroke route, but this act is a wound: no "Alerte AVC" here.
  await expect(cart.page.getByRole('list', { name: 'Experts en ligne' })).toBeVisible();
  await expect(cart.page.getByRole('button', { name: /^Alerte AVC/ })).toHaveCount(0);
  await cart.page
    .getByRole('list', { name: 'Experts en ligne' })
    .getByRole('button', { name: `Appeler ${EXPERT.name}` })
    .click();
  const ring = expert.page.getByRole('alertdialog');
  await expect(ring).toContainText('Motif : Plaie du talon qui ne cicatrise pas');
  await ring.getByRole('button', { name: 'Répondre' }).click();
  for (const page of [cart.page, expert.page])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  // Whom the call is about, on the call screen itself.
  await expect(cart.page.getByRole('region', { name: 'Patient', exact: true })).toContainText('LE BIHAN');

  // By the keyboard: with two fake cameras decoding on a loaded machine, a mouse click waits on a
  // "stable" box that the busy page may not report for minutes; the keys press the same buttons.
  await cart.page.getByRole('button', { name: 'Photo de l’image affichée' }).press('Enter');
  await openCallTab(cart.page, 'Examen');
  await expect(cart.page.getByRole('region', { name: 'Pièces de l’appel' })).toContainText('Photo');
  await openCallTab(cart.page, 'Messages');
  await cart.page.getByLabel('Écrire un message').fill('Plaie de 2 cm, bords rouges.');
  await cart.page.getByLabel('Écrire un message').press('Enter');
  await expect(expert.page.getByRole('region', { name: 'Messages' })).toContainText('Plaie de 2 cm, bords rouges.');
  // The nurse measures without leaving the call: the measurement is the act's at once.
  await openCallTab(cart.page, 'Mesures');
  const measure = cart.page.getByRole('form', { name: 'Mesures' });
  await measure.getByLabel('Valeur (%)').fill('96');
  await measure.getByLabel('Valeur (%)').press('Enter');
  await answerWhoIAm(cart.page, 'IDE Morvan');
  await expect(cart.page.getByRole('list', { name: 'Mesures' })).toContainText('SpO2 : 96 % — IDE Morvan');

  await cart.page.getByRole('button', { name: 'Raccrocher', exact: true }).press('Enter');
  await cart.page
    .getByRole('dialog', { name: 'Raccrocher ?' })
    .getByRole('button', { name: 'Raccrocher' })
    .press('Enter');
  const summary = cart.page.getByTestId('call-summary');
  await expect(summary).toContainText(`Avec ${EXPERT.name} (${EXPERT.site})`);
  await expect(summary.getByTestId('call-duration')).toContainText(/Durée : \d+:\d\d/);
  await expect(summary.getByTestId('call-captured')).toContainText('1 capture d’image');
  await expect(summary.getByTestId('call-captured')).toContainText('1 message');
  // The expert's side has its summary too.
  await expect(expert.page.getByTestId('call-summary')).toContainText(`Avec ${CART.name}`);

  await summary.getByRole('button', { name: 'Retour à l’acte' }).click();
  const files = cart.page.getByRole('region', { name: 'Fichiers' });
  await expect(cart.page.getByRole('heading', { name: /Plaie du talon/ })).toBeVisible();
  await expect(files).not.toContainText('Aucun fichier.');
  await expect(files).toContainText('pendant l’appel');
  await expect(files).toContainText('Plaie de 2 cm, bords rouges.');
  await expect(cart.page.getByRole('list', { name: 'Mesures' })).toContainText('SpO2 : 96 % — IDE Morvan');
});
