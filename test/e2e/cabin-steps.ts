// The pharmacist's first steps on a cabin (a pharmacy's station in kiosk mode): the station turned
// into a cabin with her PIN (typed twice), then, for one patient, identification and consent up to
// the doctor's step ("Parler au médecin").
import { expect, type Page } from '@playwright/test';
import { answerWhoIAm } from './author';

/** The pharmacist's PIN, chosen when she turns the station into a cabin, asked to leave it. */
export const PIN = '482913';

/** From the station's "Technique" screen into kiosk mode, the PIN typed twice. */
export async function enterKioskMode(cabin: Page): Promise<void> {
  await cabin.getByRole('button', { name: 'Technique', exact: true }).click();
  await cabin.getByRole('button', { name: 'Passer en mode cabine' }).click();
  for (let i = 0; i < 2; i++) {
    await cabin.getByLabel('Code', { exact: true }).fill(PIN);
    await cabin.getByRole('button', { name: 'Valider' }).click();
  }
}

/** The pharmacist turns the station into a cabin, the patient is identified and consents: the doctor's step. */
export async function toTheDoctorStep(cabin: Page, [birthName, firstName]: readonly [string, string]): Promise<void> {
  await enterKioskMode(cabin);
  await cabin.getByRole('button', { name: 'Commencer' }).click();
  await cabin.getByLabel('Nom de naissance').fill(birthName);
  await cabin.getByLabel('Premier prénom').fill(firstName);
  await cabin.getByLabel('Date de naissance (JJ/MM/AAAA)').fill('14/12/1956');
  await cabin.getByLabel('Sexe').selectOption('F');
  await cabin.getByLabel('Lieu de naissance (code INSEE)').fill('29019');
  await cabin.getByRole('button', { name: 'Continuer' }).click();
  await answerWhoIAm(cabin, 'Mme Le Bris', 'Pharmacien·ne');
  await cabin.getByRole('button', { name: 'J’accepte' }).click();
  await cabin.getByRole('button', { name: 'Continuer vers le médecin' }).click();
  await expect(cabin.getByRole('heading', { name: 'Parler au médecin' })).toBeVisible();
}
