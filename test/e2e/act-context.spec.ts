// The act travels with the call (issue 21, point 1): the nurse calls the expert from a patient's
// act; the expert's call screen shows whom the call is about (name, age, identity status with its
// warning while not qualified) and the reason from the act's context the cart sent over the call,
// and a measurement taken on the cart during the call appears in the expert's "Dossier" tab.
import { expect, test } from '@playwright/test';
import { openCallTab, startCallSetup, type CallSetup } from './call-fixture';
import { actOfYvonne, callExpertFromYvonnesAct } from './yvonne-act';
import { answerWhoIAm } from './author';

let setup: CallSetup | null = null;
test.afterEach(async () => {
  await setup?.stop();
  setup = null;
});

/** Her age today, as the banner counts it. */
function ageOn(birth: string, now = new Date()): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const before = now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d);
  return now.getFullYear() - y - (before ? 1 : 0);
}

test('the expert sees the patient of the act the cart calls from, and its measurements as they are taken', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  await actOfYvonne(cart.station.url);
  await callExpertFromYvonnesAct(cart.page, expert.page, /Plaie du talon/);

  // The expert's call screen: whom the call is about, from the act's context the cart sent.
  const banner = expert.page.getByRole('region', { name: 'Patient', exact: true });
  await expect(banner).toContainText('LE BIHAN');
  await expect(banner).toContainText('YVONNE');
  await expect(banner).toContainText(`né(e) le 17/02/1941 · ${ageOn('1941-02-17')} ans`);
  await expect(banner).toContainText('Identité provisoire');
  await expect(banner).toContainText('identité non qualifiée');
  await expect(expert.page.getByTestId('act-context')).toContainText('Motif : Plaie du talon qui ne cicatrise pas');
  await expect(expert.page.getByTestId('act-context-none')).toHaveCount(0);
  await openCallTab(expert.page, 'Dossier');
  const record = expert.page.locator('#call-panel-act');
  await expect(record).toContainText('par Paul Le Bihan, personne de confiance');
  await expect(record).toContainText('Aucune mesure.');

  // The nurse measures during the call: the expert's screen shows it, with who took it.
  await openCallTab(cart.page, 'Mesures');
  const measure = cart.page.getByRole('form', { name: 'Mesures' });
  await measure.getByLabel('Valeur (%)').fill('96');
  await measure.getByLabel('Valeur (%)').press('Enter');
  await answerWhoIAm(cart.page, 'IDE Morvan');
  await expect(cart.page.getByRole('list', { name: 'Mesures' })).toContainText('SpO2 : 96 % — IDE Morvan');
  await expect(expert.page.getByTestId('act-context-measurements')).toContainText('SpO2 : 96 %');
  await expect(expert.page.getByTestId('act-context-measurements')).toContainText('IDE Morvan');
});
