// Opens a patient's page the way a nurse does: Patients, a search, her line in the results.
import type { Page } from '@playwright/test';

export async function openPatient(page: Page, search: string, line: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill(search);
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await page.getByRole('button', { name: line }).click();
}
