// Opens a patient's page the way a nurse does: Patients, a search, her line in the results.
import { expect, type Page } from '@playwright/test';

export async function openPatient(page: Page, search: string, line: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill(search);
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await page.getByRole('button', { name: line }).click();
}

/** Creates Yvonne Le Bihan (born 17/02/1941 in Brest) through the new-patient form, with any
 * other fields given by their label, and waits for her page. */
export async function createYvonneLeBihan(page: Page, otherFields: Record<string, string> = {}): Promise<void> {
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Nouveau patient' }).click();
  await page.getByLabel('Nom de naissance', { exact: true }).fill('Le Bihan');
  await page.getByLabel('Premier prénom de naissance', { exact: true }).fill('Yvonne');
  await page.getByLabel('Date de naissance', { exact: true }).fill('17/02/1941');
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByLabel('Code INSEE du lieu de naissance', { exact: true }).fill('29019');
  for (const [label, value] of Object.entries(otherFields)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((element: { tagName: string }) => element.tagName)) === 'SELECT')
      await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: /LE BIHAN.*YVONNE/ })).toBeVisible();
}
