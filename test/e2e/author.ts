// Says who is at the station ("Qui êtes-vous ?", from the header's badge) on a station without
// sign-in: every form then records this person as its author (issue 20, point 2).
import { expect, type Page } from '@playwright/test';

export async function sayWhoIAm(page: Page, name: string, profession = 'Infirmier·e', rpps = ''): Promise<void> {
  const badge = page.getByTestId('author-badge');
  const change = badge.getByRole('button', { name: 'Changer' });
  if (await change.isVisible()) await change.click();
  else await badge.getByRole('button', { name: 'Qui êtes-vous ?' }).click();
  const who = page.getByRole('dialog', { name: 'Qui êtes-vous ?' });
  await who.getByLabel('Votre nom').fill(name);
  await who.getByLabel('Votre profession').selectOption({ label: profession });
  if (rpps) await who.getByLabel('Votre RPPS (si vous en avez un)').fill(rpps);
  await who.getByRole('button', { name: 'C’est moi' }).click();
  await expect(who).toHaveCount(0);
  await expect(badge).toContainText(name);
}

/** Answers "Qui êtes-vous ?" when a form opened it (the first record of the session). */
export async function answerWhoIAm(page: Page, name: string, profession = 'Infirmier·e', rpps = ''): Promise<void> {
  const who = page.getByRole('dialog', { name: 'Qui êtes-vous ?' });
  await who.getByLabel('Votre nom').fill(name);
  await who.getByLabel('Votre profession').selectOption({ label: profession });
  if (rpps) await who.getByLabel('Votre RPPS (si vous en avez un)').fill(rpps);
  await who.getByRole('button', { name: 'C’est moi' }).click();
  await expect(who).toHaveCount(0);
}
