// The expert writes and signs her report during the call (issue 21, point 4): signed in at her
// station (the test OpenID provider, shaped like Pro Santé Connect), she opens "Compte rendu" in the
// call about Yvonne Le Bihan's act; the report starts from her specialty's template with the act's
// reason; she takes the measurements from the record, writes her conclusion and signs; the cart's
// act closes with her report in her name and RPPS, and her screen says the cart received it.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { openCallTab } from './call-fixture';
import { useSignedInExpertCall } from './signed-in-expert';
import { actOfYvonne, callExpertFromYvonnesAct } from './yvonne-act';
import { answerWhoIAm } from './author';

const signedInExpertCall = useSignedInExpertCall();

test('the expert writes and signs her report in the call; the cart’s act closes with it', async ({ browser }) => {
  test.setTimeout(150_000);
  const setup = await signedInExpertCall(browser);
  const { cart, expert } = setup;
  await expect(expert.page.getByRole('region', { name: 'Comptes rendus à rédiger' })).toContainText(
    'Aucun compte rendu en attente.',
  );

  await actOfYvonne(cart.station.url);
  await callExpertFromYvonnesAct(cart.page, expert.page, /Plaie du talon/);

  // A measurement on the cart during the call, for her report's "Mesures".
  await openCallTab(cart.page, 'Mesures');
  const measure = cart.page.getByRole('form', { name: 'Mesures' });
  await measure.getByLabel('Valeur (%)').fill('95');
  await measure.getByLabel('Valeur (%)').press('Enter');
  await answerWhoIAm(cart.page, 'IDE Morvan');
  await openCallTab(expert.page, 'Dossier');
  await expect(expert.page.getByTestId('act-context-measurements')).toContainText('SpO2 : 95 %');

  // Her report: her specialty's template (neurology), the act's reason as its motif.
  await openCallTab(expert.page, 'Compte rendu');
  const report = expert.page.locator('#call-panel-report');
  await expect(report.getByLabel('Modèle')).toHaveValue('neurology_stroke');
  await expect(report.getByLabel('Motif')).toHaveValue('Plaie du talon qui ne cicatrise pas');
  await report.getByRole('button', { name: 'Reprendre les mesures du dossier' }).click();
  await expect(report.getByLabel('Mesures')).toHaveValue(/SpO2 : 95 % \(.*IDE Morvan\)/);
  // A wound, not a stroke: she changes the template; what she has not written takes the new one.
  await report.getByLabel('Modèle').selectOption('wound');
  await expect(report.getByLabel('Examen à distance')).toHaveValue(/Dimensions/);
  const sign = report.getByRole('button', { name: 'Signer et envoyer' });
  await expect(sign).toBeDisabled();
  await expect(report).toContainText('Écrivez la conclusion : sans elle, c’est un brouillon.');
  await report
    .getByLabel('Examen à distance')
    .fill('Plaie du talon gauche de 2 × 3 cm, fond fibrineux, sans signe d’infection.');
  await report.getByLabel('Conclusion').fill('Escarre du talon de stade 2.');
  await report.getByLabel('Conduite à tenir').fill('Hydrocolloïde, décharge du talon, réfection tous les 3 jours.');
  // The sections still as the template wrote them are pointed out before she signs.
  await expect(report).toContainText(
    'Relisez ces sections, restées telles que le modèle les a écrites : Histoire, Suivi.',
  );
  await report.getByLabel('Histoire').fill('Plaie apparue il y a trois semaines.');
  await report.getByLabel('Suivi').fill('Réévaluation en téléconsultation à J10.');
  await expect(report).toContainText(/Brouillon enregistré à \d\d:\d\d/);
  fs.mkdirSync('/tmp/look', { recursive: true });
  await expert.page.screenshot({ path: '/tmp/look/expert-report-1366.png' });
  await sign.click();

  const versions = report.getByTestId('expert-report-versions');
  await expect(versions).toContainText('Signé par Anne KERLEAU (RPPS 10001234567)');
  await expect(versions).toContainText('Reçu par le poste demandeur pendant l’appel');
  await expect(versions).toContainText(/Empreinte SHA-256 : [0-9a-f]{64}/);
  await expert.page.screenshot({ path: '/tmp/look/expert-report-signed-1366.png' });

  // On the cart, after the call, the act has her report and is closed.
  await cart.page.getByRole('button', { name: 'Raccrocher', exact: true }).press('Enter');
  await cart.page
    .getByRole('dialog', { name: 'Raccrocher ?' })
    .getByRole('button', { name: 'Raccrocher' })
    .press('Enter');
  await cart.page.getByTestId('call-summary').getByRole('button', { name: 'Retour à l’acte' }).click();
  const act = cart.page.locator('main');
  await expect(act).toContainText('Escarre du talon de stade 2.');
  await expect(act).toContainText('Anne KERLEAU');
  await expect(cart.page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé');
  await cart.page.screenshot({ path: '/tmp/look/cart-act-with-report-1366.png' });
});
