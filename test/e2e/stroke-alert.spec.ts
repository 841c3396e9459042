// The stroke alert rings the on-duty neurologists in the region's order: one who is offline is
// skipped, one who declines passes the alert on, and the next one rings at once and answers.
import { expect, test } from '@playwright/test';
import { CART, EXPERT, startCallSetup, startExtraStation, type CallSetup, type ExtraStation } from './call-fixture';
import { anOffer } from '../helpers/offers';

const FIRST = { sub: 'dr-premier', name: 'Dr Premier', site: 'CHU de Brest', specialty: 'neurologie' };
let setup: CallSetup;
let first: ExtraStation;
test.beforeAll(async ({ browser }) => {
  setup = await startCallSetup(browser, {
    hub: {
      offers: [
        anOffer({
          id: 'neuro-garde',
          specialty: 'neurologie',
          hospital: 'CHU de Brest',
          acts: ['teleconsultation'],
          experts: ['dr-absent', FIRST.sub, EXPERT.sub],
          urgent: true,
        }),
      ],
    },
  });
  first = await startExtraStation(browser, setup, FIRST, 'expert');
});
test.afterAll(async () => {
  await first?.stop();
  await setup?.stop();
});

test('skips the offline neurologist, passes on a decline, and the next one answers', async () => {
  const { cart, expert } = setup;
  await cart.page.getByRole('button', { name: 'Appels', exact: true }).click();
  await expect(cart.page.getByText(`${FIRST.name} — disponible`)).toBeVisible();
  await cart.page
    .getByRole('button', { name: 'Alerte AVC : appeler l’expert de garde en neurologie (CHU de Brest)' })
    .click();

  // The first on-duty neurologist online rings, urgent, and declines.
  const ringFirst = first.page.getByRole('alertdialog');
  await expect(ringFirst).toContainText(`Appel entrant de ${CART.name} (${CART.site})`);
  await expect(ringFirst).toContainText('Alerte AVC — thrombolyse à discuter');
  await ringFirst.getByRole('button', { name: 'Refuser' }).click();

  // The next one rings at once; the cart sees who was tried and what came of it.
  const status = cart.page.getByRole('alertdialog').getByTestId('escalation');
  await expect(status).toContainText('1. dr-absent : hors ligne');
  await expect(status).toContainText(`2. ${FIRST.name} : a refusé`);
  await expect(status).toContainText(new RegExp(`3\\. ${EXPERT.name} : sonne depuis \\d+ s sur 30 s`));
  const ringExpert = expert.page.getByRole('alertdialog');
  await expect(ringExpert).toContainText(`Appel entrant de ${CART.name} (${CART.site})`);
  await ringExpert.getByRole('button', { name: 'Répondre' }).click();
  for (const page of [cart.page, expert.page])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  await expect(cart.page.getByRole('heading', { name: `${EXPERT.name} — ${EXPERT.site}` })).toBeVisible();
});
