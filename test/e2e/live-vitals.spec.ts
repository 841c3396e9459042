// Live measurements to the expert (issue 21, point 2): a cart and an expert on the real hub, the
// cart's simulated CMS50D+ oximeter on a socat pty. Each change of the SpO2 the cart's station reads
// shows on the expert's screen within a second; the expert asks for a blood pressure, the nurse
// starts it on the cart (simulated Omron monitor), and the result shows on the expert's screen.
import { expect, test } from '@playwright/test';
import { callAndAnswer, EXPERT, openCallTab, startCallSetup, type CallSetup } from './call-fixture';
import { expectSpo2ShownWithinASecond } from './live-spo2';

let setup: CallSetup | null = null;
test.afterEach(async () => {
  await setup?.stop();
  setup = null;
});

test('the cart’s SpO2 reaches the expert within a second, and a blood pressure she asks for comes back', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  await callAndAnswer(setup);

  // The expert's Mesures tab: the cart's figures, live.
  await openCallTab(expert.page, 'Mesures');
  const panel = expert.page.getByTestId('live-vitals');
  await expect(panel.getByTestId('live-oximeter-status')).toHaveText('En direct', { timeout: 15_000 });
  await expect(panel.getByTestId('live-spo2')).toHaveText(/^\d{2,3} %$/);
  await expect(panel.getByRole('img', { name: 'Courbe de pléthysmographie du chariot' })).toBeVisible();

  // What the expert's screen shows, each time it changes, noted in her page every 20 ms (no round trip).
  await expectSpo2ShownWithinASecond(cart.station.url, expert.page);

  // She asks for a blood pressure; the nurse sees who asks and starts it when the patient is ready.
  await panel.getByRole('button', { name: 'Mesurer la tension' }).click();
  const request = cart.page.getByTestId('bp-request');
  await expect(request).toContainText(`${EXPERT.name} demande une mesure de tension`);
  await expect(panel.getByTestId('live-bp-outcome')).toContainText('Demande reçue au chariot');
  await request.getByRole('button', { name: 'Lancer la mesure' }).click();
  await expect(panel.getByTestId('live-result-blood_pressure')).toHaveText(
    /^Tension : \d{2,3}\/\d{2,3} mmHg à \d{2}:\d{2}/,
    { timeout: 20_000 },
  );
  await expect(request).toHaveCount(0);
});
