// A teleconsultation between a cart and an expert through the real hub, in two browser contexts
// with Chromium's fake camera and microphone: call, answer, pictures decoded both ways, chat,
// the expert steering the cart's VISCA camera (simulator on a pty) once the nurse allows it, and
// refused once she takes it back.
import { expect, test } from '@playwright/test';
import { callAndAnswer, CART, EXPERT, framesDecoded, startCallSetup, type CallSetup } from './call-fixture';
import { connectStationClient, type StationClient } from './station-client';

let setup: CallSetup | null = null;
let cartDevices: StationClient | null = null;
test.afterEach(async () => {
  cartDevices?.close();
  cartDevices = null;
  await setup?.stop();
  setup = null;
});

test('a call from the cart to the expert, with chat and remote camera steering', async ({ browser }) => {
  test.setTimeout(120_000);
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  await expect(cart.page.getByRole('region', { name: 'État de la station' })).toContainText('Caméra de la salle (simulée, VISCA) — connecté');
  await callAndAnswer(setup);

  // Pictures arrive and are decoded on both sides (frames counted by getStats).
  for (const page of [cart.page, expert.page]) await expect.poll(() => framesDecoded(page), { timeout: 15_000 }).toBeGreaterThan(10);
  await expect(cart.page.getByTestId('call-quality')).toContainText(/Qualité (bonne|moyenne|mauvaise) — aller-retour \d+ ms/);

  // Chat both ways.
  await cart.page.getByLabel('Écrire un message').fill('La patiente est installée, tension 165/95.');
  await cart.page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(expert.page.getByRole('region', { name: 'Messages' })).toContainText(`${CART.name}`);
  await expect(expert.page.getByRole('region', { name: 'Messages' })).toContainText('La patiente est installée, tension 165/95.');
  await expert.page.getByLabel('Écrire un message').fill('Bien reçu, je regarde.');
  await expert.page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(cart.page.getByRole('region', { name: 'Messages' })).toContainText('Bien reçu, je regarde.');

  // The nurse lets the expert steer; the cart shows who steers.
  cartDevices = await connectStationClient(cart.station.url);
  const before = await cartDevices.value('camera.position', {});
  const pad = expert.page.getByRole('region', { name: 'Caméra du chariot' });
  await expect(pad).toContainText('Le chariot n’a pas autorisé le pilotage de sa caméra.');
  await cart.page.getByRole('button', { name: `Autoriser ${EXPERT.name} à piloter la caméra` }).click();
  await expect(cart.page.getByTestId('steering-indicator')).toHaveText(`Caméra pilotée à distance par ${EXPERT.name}`);
  await expect(pad).toContainText('Vous pouvez piloter la caméra du chariot.');

  // Pan right held for half a second, then released (stop): the VISCA camera moved and stopped.
  await pad.getByRole('button', { name: 'Droite', exact: true }).hover();
  await expert.page.mouse.down();
  await expert.page.waitForTimeout(500);
  await expert.page.mouse.up();
  await expect.poll(async () => (await cartDevices!.value('camera.position', {}))!.pan, { timeout: 5000 }).toBeGreaterThan(before!.pan + 50);
  const moved = (await cartDevices.value('camera.position', {}))!;
  await expert.page.waitForTimeout(400);
  expect((await cartDevices.value('camera.position', {}))!.pan).toBe(moved.pan); // it stopped

  // Click-to-center: a click near the right edge of the cart's picture turns the camera right
  // by about half its field of view (an absolute move the cart computes from its zoom).
  // Back to the picture (holding the pad's buttons may have scrolled the page).
  await expert.page.getByLabel(`Image de ${CART.name} : Caméra de la pièce`).scrollIntoViewIfNeeded();
  const box = (await expert.page.getByLabel(`Image de ${CART.name} : Caméra de la pièce`).boundingBox())!;
  await expert.page.mouse.click(box.x + box.width * 0.95, box.y + box.height / 2);
  await expect.poll(async () => (await cartDevices!.value('camera.position', {}))!.pan, { timeout: 8000 }).toBeGreaterThan(moved.pan + 200);
  let centered = (await cartDevices.value('camera.position', {}))!;
  for (let still = 0; still < 3; ) {
    await expert.page.waitForTimeout(150);
    const now = (await cartDevices.value('camera.position', {}))!;
    still = now.pan === centered.pan ? still + 1 : 0;
    centered = now;
  }

  // The nurse takes the camera back: the expert's next command is refused and nothing moves.
  await cart.page.getByRole('button', { name: 'Reprendre la main sur la caméra' }).click();
  await expect(cart.page.getByTestId('steering-indicator')).toHaveText('Vous pilotez la caméra (pilotage à distance non autorisé)');
  await expect(pad).toContainText('Le chariot n’a pas autorisé le pilotage de sa caméra.');
  await pad.getByRole('button', { name: 'Droite', exact: true }).hover();
  await expert.page.mouse.down();
  await expert.page.waitForTimeout(400);
  await expert.page.mouse.up();
  await expect(pad.getByRole('alert')).toContainText('Commande refusée par le chariot (l’infirmière n’a pas donné ou a repris la main)');
  expect((await cartDevices.value('camera.position', {}))!.pan).toBe(centered.pan);

  // The expert hangs up; both sides see the end, and the cart's journal has the call and its chat.
  await expert.page.getByRole('button', { name: 'Raccrocher' }).click();
  await expect(cart.page.getByTestId('end-reason')).toHaveAttribute('data-reason', 'hangup');
  await expect(expert.page.getByTestId('end-reason')).toHaveAttribute('data-reason', 'hangup');
  const [record] = await cartDevices.value('calls.history', { limit: 1 });
  expect(record).toMatchObject({ direction: 'outgoing', remote: { id: EXPERT.sub }, reason: 'Suspicion d’AVC, début 9 h 40', endReason: 'hangup' });
  expect(record!.chat.map((c) => [c.direction, c.text])).toEqual([
    ['sent', 'La patiente est installée, tension 165/95.'],
    ['received', 'Bien reçu, je regarde.'],
  ]);
  // The cart's audit trail has the call and the camera handed over and taken back, in order.
  await expect
    .poll(async () => (await cartDevices!.value('audit.recent', { limit: 50 })).filter((e) => e.entityId === record!.id).map((e) => `${e.action} ${e.event}`).reverse())
    .toEqual(['call call.started', 'call call.answered', 'grant control.granted', 'grant control.revoked', 'call call.ended']);
});

test('a second window of the expert station rings too, and steps aside when the call is answered in the first', async ({ browser }) => {
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  const secondWindow = await expert.context.newPage();
  await secondWindow.goto(expert.station.url);
  await expect(secondWindow.getByRole('heading', { name: 'Accueil' })).toBeVisible();
  await callAndAnswer(setup); // answered in the first window
  await expect(secondWindow.getByTestId('end-reason')).toHaveText('Appel pris dans une autre fenêtre de cette station.');
  await expect.poll(() => framesDecoded(cart.page), { timeout: 15_000 }).toBeGreaterThan(10);
  await expect(expert.page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected');
});
