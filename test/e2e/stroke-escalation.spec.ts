// The stroke alert follows the on-call rota with a timed escalation (issue 22, point 4): an urgent
// neurology offer whose rota rings the on-duty neurologist, then her backup after 10 s without an
// answer. The on-duty neurologist does not answer; the backup is rung after the delay (not before)
// and answers; the call connects; the act on the cart records both steps. Three stations on the
// real hub: the emergency cart (1366x768), the on-duty neurologist, the backup.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CART,
  EXPERT,
  hangUp,
  startCallSetup,
  startExtraStation,
  type CallSetup,
  type ExtraStation,
} from './call-fixture';
import { anOffer } from '../helpers/offers';
import { actOfYvonne } from './yvonne-act';
import { connectStationClient } from './station-client';
import { openPatient } from './patient-page';

const ON_DUTY = { sub: 'dr-garde', name: 'Dr Garde', site: 'CHU de Brest', specialty: 'neurologie' };
const BACKUP = EXPERT;
const DELAY_SECONDS = 10;
const SHOTS = process.env.RELAIS_SHOTS_DIR ?? path.join(os.tmpdir(), 'relais-look-escalation');

let setup: CallSetup;
let onDuty: ExtraStation;
test.beforeAll(async ({ browser }) => {
  setup = await startCallSetup(browser, {
    viewport: { width: 1366, height: 768 },
    hub: {
      offers: [
        anOffer({
          id: 'neuro-garde',
          specialty: 'neurologie',
          hospital: 'CHU de Brest',
          experts: [
            { id: BACKUP.sub, name: BACKUP.name },
            { id: ON_DUTY.sub, name: ON_DUTY.name },
          ],
          urgent: true,
          rota: {
            weekly: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00', experts: [ON_DUTY.sub, BACKUP.sub] }],
            exceptions: [],
            escalateAfterSeconds: DELAY_SECONDS,
          },
        }),
      ],
    },
  });
  onDuty = await startExtraStation(browser, setup, ON_DUTY, 'expert');
  fs.mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await onDuty?.stop();
  await setup?.stop();
});

test('the on-duty neurologist does not answer: her backup is rung after 10 s, answers, and the act records both', async () => {
  test.setTimeout(120_000);
  const { cart, expert } = setup;
  // A stroke act on the cart: its stroke sheet started, so "Appeler l'expert" offers the alert.
  const actId = await actOfYvonne(cart.station.url, { reason: 'Suspicion d’AVC — hémiplégie droite' });
  const client = await connectStationClient(cart.station.url);
  try {
    await client.value('stroke.change', {
      encounterId: actId,
      change: { kind: 'nihss', item: '1a', score: 0 },
      by: 'Dr Le Roux',
    });
  } finally {
    client.close();
  }
  await openPatient(cart.page, 'Le Bihan', /LE BIHAN/);
  await cart.page.getByRole('button', { name: /Suspicion d’AVC/ }).click();
  await cart.page.getByRole('button', { name: 'Appeler l’expert' }).click();
  // Both neurologists are on the hub.
  const online = cart.page.getByRole('list', { name: 'Experts en ligne' });
  for (const name of [ON_DUTY.name, BACKUP.name]) await expect(online).toContainText(name);
  await cart.page.getByRole('button', { name: 'Alerte AVC : neurologie (CHU de Brest)' }).click();

  // The rota's on-duty neurologist rings first (not the offer's first expert); nobody answers.
  const ringOnDuty = onDuty.page.getByRole('alertdialog');
  await expect(ringOnDuty).toContainText(`Appel entrant de ${CART.name} (${CART.site})`);
  const rungAt = Date.now();
  const status = cart.page.getByRole('alertdialog').getByTestId('escalation');
  await expect(status).toContainText(new RegExp(`1\\. ${ON_DUTY.name} : sonne depuis [3-9] s sur ${DELAY_SECONDS} s`));
  await cart.page.screenshot({ path: path.join(SHOTS, 'cart-escalation-1366x768.png') });
  // Not the backup before the delay has run out.
  await expect(expert.page.getByRole('alertdialog')).toHaveCount(0);

  // After the delay: her ring is cancelled, the backup rings, and answers.
  const ringBackup = expert.page.getByRole('alertdialog');
  await expect(ringBackup).toContainText(`Appel entrant de ${CART.name} (${CART.site})`, { timeout: 15_000 });
  const waited = (Date.now() - rungAt) / 1000;
  expect(waited).toBeGreaterThanOrEqual(DELAY_SECONDS - 1.5);
  await expect(ringOnDuty).toHaveCount(0);
  await expect(status).toContainText(`1. ${ON_DUTY.name} : sans réponse après ${DELAY_SECONDS} s`);
  await expect(status).toContainText(new RegExp(`2\\. ${BACKUP.name} : sonne depuis \\d+ s sur ${DELAY_SECONDS} s`));
  await cart.page.screenshot({ path: path.join(SHOTS, 'cart-escalation-backup-1366x768.png') });
  await ringBackup.getByRole('button', { name: 'Répondre' }).click();
  for (const page of [cart.page, expert.page])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });

  // After the call, the act's screen records both steps, with the rota line the hub read.
  await hangUp(cart.page);
  await cart.page.getByRole('button', { name: 'Fermer l’alerte' }).click();
  await cart.page.getByRole('button', { name: 'Retour à l’acte' }).click();
  const record = cart.page.getByRole('region', { name: 'Appel urgent : médecins de garde sonnés' });
  await expect(record).toContainText('Garde choisie par le tableau de garde de la semaine selon le serveur régional');
  await expect(record).toContainText(`${DELAY_SECONDS} s avant le suivant`);
  const steps = record.getByRole('listitem');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText(`${ON_DUTY.name} : sans réponse après ${DELAY_SECONDS} s`);
  await expect(steps.nth(1)).toContainText(`${BACKUP.name} : a répondu`);
  await record.scrollIntoViewIfNeeded();
  await cart.page.screenshot({ path: path.join(SHOTS, 'act-escalation-1366x768.png') });
});
