// The call ends first (issue 21, point 4): the nurse hangs up before the expert has written a line,
// and the cart is switched off. The expert writes and signs her report afterwards, from her home's
// "Comptes rendus à rédiger"; it waits at the regional server. When the cart is back, its act
// closes with her report, once; her screen says the cart received it through the regional server.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { hangUp } from './call-fixture';
import { openPatient } from './patient-page';
import { useSignedInExpertCall } from './signed-in-expert';
import { actOfYvonne, callExpertFromYvonnesAct } from './yvonne-act';

const signedInExpertCall = useSignedInExpertCall();

test('signed after the call, her report reaches the cart’s act when the cart is back, once', async ({ browser }) => {
  test.setTimeout(180_000);
  const setup = await signedInExpertCall(browser);
  const { cart, expert } = setup;
  await actOfYvonne(cart.station.url);
  await callExpertFromYvonnesAct(cart.page, expert.page, /Plaie du talon/);
  await expect(expert.page.getByRole('region', { name: 'Patient', exact: true })).toContainText('LE BIHAN');
  // The nurse hangs up before the expert wrote anything.
  await hangUp(cart.page);
  await expect(expert.page.getByRole('heading', { name: 'Appel terminé', level: 1 })).toBeVisible();
  await expert.page.getByRole('status', { name: 'Appel terminé' }).getByRole('button', { name: 'Fermer' }).click();

  fs.mkdirSync('/tmp/look', { recursive: true });
  await setup.restartCart(async () => {
    // The cart is off. On her home, the act waits for her report; she writes it there.
    await expert.page.getByRole('navigation').getByRole('button', { name: 'Accueil' }).click();
    const worklist = expert.page.getByRole('region', { name: 'Comptes rendus à rédiger' });
    await expect(worklist).toContainText('Plaie du talon qui ne cicatrise pas');
    await expect(worklist).toContainText('À rédiger');
    await worklist.getByRole('button', { name: 'Rédiger' }).click();
    const report = expert.page.locator('main');
    await report.getByLabel('Modèle').selectOption('wound');
    await report.getByLabel('Histoire').fill('Plaie apparue il y a trois semaines.');
    await report
      .getByLabel('Examen à distance')
      .fill('Plaie du talon gauche de 2 × 3 cm, fond fibrineux, sans signe d’infection.');
    await report.getByLabel('Conclusion').fill('Escarre du talon de stade 2.');
    await report.getByLabel('Conduite à tenir').fill('Hydrocolloïde, décharge du talon, réfection tous les 3 jours.');
    await report.getByLabel('Suivi').fill('Réévaluation en téléconsultation à J10.');
    await report.getByRole('button', { name: 'Signer et envoyer' }).click();
    const versions = report.getByTestId('expert-report-versions');
    await expect(versions).toContainText('Signé par Anne KERLEAU (RPPS 10001234567)');
    await expect(versions).toContainText(
      'Pas encore reçu par le poste demandeur : le serveur régional le lui remet dès qu’il est en ligne',
    );
    await expert.page.screenshot({ path: '/tmp/look/expert-report-after-call-waiting.png' });
  });

  // The cart is back: its act closes with her report, in her name, once.
  await openPatient(cart.page, 'Le Bihan', /LE BIHAN/);
  await cart.page.getByRole('button', { name: /Plaie du talon/ }).click();
  await expect(cart.page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé', {
    timeout: 30_000,
  });
  const act = cart.page.locator('main');
  await expect(act).toContainText('Anne KERLEAU');
  await expect(act.getByText('Escarre du talon de stade 2.')).toHaveCount(1);
  await cart.page.screenshot({ path: '/tmp/look/cart-act-report-after-call.png' });

  // Her screen: received through the regional server (her station reads the cart's receipt).
  const versions = expert.page.locator('main').getByTestId('expert-report-versions');
  await expect(versions).toContainText('Reçu par le poste demandeur par le serveur régional', { timeout: 45_000 });
  await expert.page.getByRole('navigation').getByRole('button', { name: 'Accueil' }).click();
  await expect(expert.page.getByRole('region', { name: 'Comptes rendus à rédiger' })).toContainText(
    'Aucun compte rendu en attente.',
  );
  await expert.page.screenshot({ path: '/tmp/look/expert-home-after-delivery.png' });
  // Still once on the cart, after more of its pulls.
  await cart.page.reload();
  await openPatient(cart.page, 'Le Bihan', /LE BIHAN/);
  await cart.page.getByRole('button', { name: /Plaie du talon/ }).click();
  await expect(cart.page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé');
  await expect(cart.page.locator('main').getByText('Escarre du talon de stade 2.')).toHaveCount(1);
});
