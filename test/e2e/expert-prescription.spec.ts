// The expert writes and signs her prescription in the call (issue 21, point 5), as she would:
// signed in at her station (the test OpenID provider, shaped like Pro Santé Connect), she opens
// "Ordonnance" in the call about Yvonne Le Bihan's act, adds a medicine and a blood test, looks at
// another tab and comes back to her lines, signs, and reads back her signed version (its lines,
// "Signée par", the SHA-256); she corrects it with its reason, starts a new prescription, and
// finds that draft again on the act's screen after the call. Her side; the cart's is in
// prescription-on-act.spec.ts.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { hangUp, openCallTab } from './call-fixture';
import { axeViolations, visibleTextFindings } from './screens-checks';
import { useSignedInExpertCall } from './signed-in-expert';
import { fillLineField } from './signed-documents';
import { actOfYvonne, callExpertFromYvonnesAct } from './yvonne-act';

const signedInExpertCall = useSignedInExpertCall();
const LOOK = '/tmp/look-editor';
const DESK = { width: 1920, height: 1080 };
const CART_SIZE = { width: 1366, height: 768 };

test('the expert writes and signs a prescription in the call, and reads back what she signed', async ({ browser }) => {
  test.setTimeout(150_000);
  fs.mkdirSync(LOOK, { recursive: true });
  const setup = await signedInExpertCall(browser);
  const { cart, expert } = setup;
  await actOfYvonne(cart.station.url);
  await callExpertFromYvonnesAct(cart.page, expert.page, /Plaie du talon/);
  await expert.page.setViewportSize(DESK);

  await openCallTab(expert.page, 'Ordonnance');
  const panel = expert.page.locator('#call-panel-prescription');
  const sign = panel.getByRole('button', { name: 'Signer l’ordonnance' });
  await expect(sign).toBeDisabled();
  await expect(panel).toContainText('Ajoutez au moins une ligne : un médicament ou une autre prescription.');

  await panel.getByRole('button', { name: 'Ajouter un médicament' }).click();
  const medicine = panel.getByRole('group', { name: 'Ligne 1 — Médicament' });
  await fillLineField(medicine, 'Médicament (DCI et dosage)', 'Amoxicilline 1 g');
  await fillLineField(medicine, 'Forme', 'comprimé');
  await fillLineField(medicine, 'Posologie (dose par prise)', '1 comprimé');
  await fillLineField(medicine, 'Voie', 'voie orale');
  await fillLineField(medicine, 'Fréquence', '3 fois par jour');
  await expect(panel).toContainText('Ligne 1 : complétez Durée.');
  await fillLineField(medicine, 'Durée', '7 jours');
  await fillLineField(medicine, 'Quantité', '21');
  // Yvonne is 85: a generic may be refused for MTE or CIF, not for EFG (a child under six).
  const substitution = medicine.getByLabel('Non substituable', { exact: true });
  await expect(substitution).toHaveValue('');
  await expect(substitution.locator('option')).toHaveText([
    'Non : substitution par un générique possible',
    'MTE — marge thérapeutique étroite',
    'CIF — contre-indication formelle à un excipient',
  ]);

  await expect(panel.getByLabel('Type de prescription')).toHaveValue('biology');
  await panel.getByRole('button', { name: 'Ajouter une autre prescription' }).click();
  const blood = panel.getByRole('group', { name: 'Ligne 2 — Biologie' });
  await expect(sign).toBeDisabled();
  await fillLineField(blood, 'Prescription', 'NFS, CRP à jeun');

  // A look at the act's record, and back: her lines are still there.
  await openCallTab(expert.page, 'Dossier');
  await openCallTab(expert.page, 'Ordonnance');
  await expect(medicine.getByLabel('Durée', { exact: true })).toHaveValue('7 jours');
  await expect(blood.getByLabel('Prescription', { exact: true })).toHaveValue('NFS, CRP à jeun');
  await expect(sign).toBeEnabled();
  // Her lines from the top of the panel (it scrolls inside itself), then its end with the sign button.
  const look = async (name: string) => {
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await expert.page.screenshot({ path: `${LOOK}/${name}-top.png` });
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expert.page.screenshot({ path: `${LOOK}/${name}-end.png` });
  };
  await look('prescription-writing-1920');
  // Her form as the screens' checks read a page: WCAG 2.1 AA, and no English bubble or raw key.
  expect(await axeViolations(expert.page)).toEqual([]);
  expect(await visibleTextFindings(expert.page, 'fr')).toEqual([]);
  await expert.page.setViewportSize(CART_SIZE);
  await look('prescription-writing-1366');
  await expert.page.setViewportSize(DESK);
  await sign.click();

  const versions = panel.getByTestId('expert-prescription-versions');
  await expect(versions).toContainText('Signée par Anne KERLEAU (RPPS 10001234567)');
  await expect(versions).toContainText(
    'Amoxicilline 1 g, comprimé — 1 comprimé, voie orale, 3 fois par jour, pendant 7 jours. Quantité : 21.',
  );
  await expect(versions).toContainText('Biologie : NFS, CRP à jeun');
  await expect(versions).toContainText(/Empreinte SHA-256 : [0-9a-f]{64}/);
  // Sent over the call at once: the cart's station filed it and said so.
  await expect(versions).toContainText('Reçue par le poste demandeur pendant l’appel');
  // Signed: the form is gone until she asks for a new prescription or a correction.
  await expect(sign).toHaveCount(0);
  await expert.page.screenshot({ path: `${LOOK}/prescription-signed-1920.png` });
  expect(await axeViolations(expert.page)).toEqual([]);

  // A correction: the same lines to change, and why.
  await versions.getByRole('button', { name: 'Corriger cette ordonnance' }).click();
  const fix = panel.getByRole('button', { name: 'Signer la correction' });
  await expect(panel.getByRole('group', { name: 'Ligne 1 — Médicament' }).getByLabel('Quantité')).toHaveValue('21');
  await fillLineField(panel.getByRole('group', { name: 'Ligne 1 — Médicament' }), 'Quantité', '21 comprimés');
  await expect(fix).toBeDisabled();
  await expect(panel).toContainText('Dites pourquoi vous corrigez.');
  await panel.getByLabel('Motif de la correction').fill('Quantité précisée en comprimés.');
  await fix.click();
  await expect(versions.getByRole('listitem').filter({ hasText: 'Signée par' })).toHaveCount(2);
  await expect(versions).toContainText('Corrigée par une version suivante.');
  await expect(versions).toContainText('Motif de la correction : Quantité précisée en comprimés.');
  await expect(versions).toContainText('Quantité : 21 comprimés.');

  // Another prescription of the act, begun in the call and left unsigned.
  await panel.getByRole('button', { name: 'Nouvelle ordonnance' }).click();
  await expect(panel.getByRole('heading', { name: 'Nouvelle ordonnance', level: 4 })).toBeVisible();
  await panel.getByLabel('Type de prescription').selectOption('nursing');
  await panel.getByRole('button', { name: 'Ajouter une autre prescription' }).click();
  await fillLineField(
    panel.getByRole('group', { name: 'Ligne 1 — Soins infirmiers' }),
    'Prescription',
    'Pansement hydrocolloïde du talon tous les 3 jours.',
  );

  // After the call, the act's screen: her report to write, her prescriptions, the unsigned one kept.
  await hangUp(cart.page);
  await expect(expert.page.getByRole('heading', { name: 'Appel terminé', level: 1 })).toBeVisible();
  await expert.page.getByRole('status', { name: 'Appel terminé' }).getByRole('button', { name: 'Fermer' }).click();
  await expert.page.getByRole('navigation').getByRole('button', { name: 'Accueil' }).click();
  await expert.page
    .getByRole('region', { name: 'Comptes rendus à rédiger' })
    .getByRole('button', { name: 'Rédiger' })
    .click();
  const screen = expert.page.locator('main');
  await expect(screen.getByTestId('expert-prescription-versions')).toContainText('Quantité : 21 comprimés.');
  await expect(
    screen.getByRole('group', { name: 'Ligne 1 — Soins infirmiers' }).getByLabel('Prescription', { exact: true }),
  ).toHaveValue('Pansement hydrocolloïde du talon tous les 3 jours.');
  await expert.page.screenshot({ path: `${LOOK}/act-screen-1920.png`, fullPage: true });
  await expert.page.setViewportSize(CART_SIZE);
  await expert.page.screenshot({ path: `${LOOK}/act-screen-1366.png`, fullPage: true });
});
