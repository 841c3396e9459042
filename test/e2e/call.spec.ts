// A teleconsultation between a cart and an expert through the real hub, in two browser contexts
// with Chromium's fake camera and microphone: call, answer, pictures decoded both ways, chat,
// the expert steering the cart's VISCA camera (simulator on a pty) once the nurse allows it, and
// refused once she takes it back. Each step waits on what shows it happened (the camera seen
// moving, the cart's answers in), never on a time: under load the stations run late.
import { expect, test } from '@playwright/test';
import { MODEL } from '../../devices/visca/camera-model';
import {
  callAndAnswer,
  CART,
  EXPERT,
  framesDecoded,
  hangUp,
  openCallTab,
  startCallSetup,
  type CallSetup,
} from './call-fixture';
import { answerWhoIAm } from './author';
import { connectStationClient, type StationClient } from './station-client';

/** The cart's camera once it has stopped moving (two readings 200 ms apart agree). */
async function cameraAtRest(devices: StationClient) {
  let previous = (await devices.value('camera.position', {}))!;
  await expect
    .poll(
      async () => {
        const now = (await devices.value('camera.position', {}))!;
        const still = now.pan === previous.pan && now.tilt === previous.tilt && now.zoom === previous.zoom;
        previous = now;
        return still;
      },
      { intervals: [200], timeout: 10_000 },
    )
    .toBe(true);
  return previous;
}

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
  await cart.page.getByRole('button', { name: 'Technique', exact: true }).click();
  await expect(cart.page.getByRole('region', { name: 'État de la station' })).toContainText(
    'Caméra de la salle (simulée, VISCA) — connecté',
  );
  await callAndAnswer(setup);

  // Pictures arrive and are decoded on both sides (frames counted by getStats).
  for (const page of [cart.page, expert.page])
    await expect.poll(() => framesDecoded(page), { timeout: 15_000 }).toBeGreaterThan(10);
  await expect(cart.page.getByTestId('call-quality')).toContainText(
    /Qualité (bonne|moyenne|mauvaise) — aller-retour \d+ ms/,
  );

  // Chat both ways.
  await cart.page.getByLabel('Écrire un message').fill('La patiente est installée, tension 165/95.');
  await cart.page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(expert.page.getByRole('region', { name: 'Messages' })).toContainText(`${CART.name}`);
  await expect(expert.page.getByRole('region', { name: 'Messages' })).toContainText(
    'La patiente est installée, tension 165/95.',
  );
  await expert.page.getByLabel('Écrire un message').fill('Bien reçu, je regarde.');
  await expert.page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(cart.page.getByRole('region', { name: 'Messages' })).toContainText('Bien reçu, je regarde.');

  // The nurse lets the expert steer; the cart shows who steers.
  cartDevices = await connectStationClient(cart.station.url);
  const before = await cartDevices.value('camera.position', {});
  await openCallTab(cart.page, 'Caméra');
  await openCallTab(expert.page, 'Caméra');
  const pad = expert.page.getByRole('region', { name: 'Caméra du chariot' });
  await expect(pad).toContainText('Le chariot n’a pas autorisé le pilotage de sa caméra.');
  // Nobody is signed in at this cart: the nurse names herself before she lets the expert steer.
  const grant = cart.page.getByRole('button', { name: `Autoriser ${EXPERT.name} à piloter la caméra` });
  await grant.click();
  await answerWhoIAm(cart.page, 'IDE Morvan');
  await expect(cart.page.getByTestId('steering-indicator')).toHaveText(`Caméra pilotée à distance par ${EXPERT.name}`);
  await expect(pad).toContainText('Vous pouvez piloter la caméra du chariot.');

  // Pan right held until the VISCA camera is seen turning, then released: the Stop sent on
  // letting go is answered, and the camera comes to rest well before the end of its travel.
  await pad.getByRole('button', { name: 'Droite', exact: true }).hover();
  await expert.page.mouse.down();
  await expect
    .poll(async () => (await cartDevices!.value('camera.position', {}))!.pan, { timeout: 10_000 })
    .toBeGreaterThan(before!.pan + 50);
  await expert.page.mouse.up();
  await expect(pad).toHaveAttribute('data-awaiting-answers', '0');
  const moved = await cameraAtRest(cartDevices);
  expect(moved.pan).toBeLessThan(MODEL.panMax); // stopped by the release, not by the end stop
  await expect(pad.getByRole('alert')).toHaveCount(0);

  // Click-to-center: a click near the right edge of the cart's picture turns the camera right
  // by about half its field of view (an absolute move the cart computes from its zoom).
  // Back to the picture (holding the pad's buttons may have scrolled the page).
  await expert.page.getByLabel(`Image de ${CART.name} : Caméra de la pièce`).scrollIntoViewIfNeeded();
  const box = (await expert.page.getByLabel(`Image de ${CART.name} : Caméra de la pièce`).boundingBox())!;
  await expert.page.mouse.click(box.x + box.width * 0.95, box.y + box.height / 2);
  await expect
    .poll(async () => (await cartDevices!.value('camera.position', {}))!.pan, { timeout: 8000 })
    .toBeGreaterThan(moved.pan + 200);
  await expect(pad).toHaveAttribute('data-awaiting-answers', '0'); // answered when the move ended
  const centered = await cameraAtRest(cartDevices);

  // The nurse takes the camera back; once the expert's screen says so, her next command is
  // refused and nothing moves. Letting go sends a Stop, which the cart obeys without the grant
  // (stopping never hurts): its answer must not hide the refusal.
  await cart.page.getByRole('button', { name: 'Reprendre la main sur la caméra' }).click();
  await expect(cart.page.getByTestId('steering-indicator')).toHaveText(
    'Vous pilotez la caméra (pilotage à distance non autorisé)',
  );
  await expect(pad).toContainText('Le chariot n’a pas autorisé le pilotage de sa caméra.');
  await pad.getByRole('button', { name: 'Droite', exact: true }).hover();
  await expert.page.mouse.down();
  await expect(pad.getByRole('alert')).toContainText(
    'Commande refusée par le poste demandeur (la main n’a pas été donnée, ou a été reprise)',
  );
  await expert.page.mouse.up();
  await expect(pad).toHaveAttribute('data-awaiting-answers', '0');
  await expect(pad.getByRole('alert')).toContainText(
    'Commande refusée par le poste demandeur (la main n’a pas été donnée, ou a été reprise)',
  );
  expect((await cartDevices.value('camera.position', {}))!.pan).toBe(centered.pan);

  // The expert hangs up; both sides see the end, and the cart's journal has the call and its chat.
  await hangUp(expert.page);
  await expect(cart.page.getByTestId('end-reason')).toHaveAttribute('data-reason', 'hangup');
  await expect(expert.page.getByTestId('end-reason')).toHaveAttribute('data-reason', 'hangup');
  const [record] = await cartDevices.value('calls.history', { limit: 1 });
  expect(record).toMatchObject({
    direction: 'outgoing',
    remote: { id: EXPERT.sub },
    reason: 'Suspicion d’AVC, début 9 h 40',
    endReason: 'hangup',
  });
  expect(record!.chat.map((c) => [c.direction, c.text])).toEqual([
    ['sent', 'La patiente est installée, tension 165/95.'],
    ['received', 'Bien reçu, je regarde.'],
  ]);
  // The cart's audit trail has the call and the camera handed over and taken back, in order,
  // written by the station itself (the grant is held there), with who let the expert steer.
  await expect
    .poll(async () =>
      (await cartDevices!.value('audit.recent', { limit: 50 }))
        .filter((e) => e.entityId === record!.id)
        .map((e) => `${e.action} ${e.event}`)
        .reverse(),
    )
    .toEqual([
      'call call.started',
      'call call.answered',
      'grant control.granted',
      'grant control.revoked',
      'call call.ended',
    ]);
  const trail = await cartDevices.value('audit.recent', { limit: 50 });
  const granted = trail.find((e) => e.event === 'control.granted' && e.entityId === record!.id);
  const maySteer = `${EXPERT.name} (${EXPERT.site}; hub peer ${EXPERT.sub}) may steer`;
  expect(granted).toMatchObject({ person: 'IDE Morvan', detail: expect.stringContaining(maySteer) });
});

test('a second window of the expert station rings too, and steps aside when the call is answered in the first', async ({
  browser,
}) => {
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  const secondWindow = await expert.context.newPage();
  await secondWindow.goto(expert.station.url);
  await expect(secondWindow.getByRole('heading', { name: 'Accueil' })).toBeVisible();
  await callAndAnswer(setup); // answered in the first window
  await expect(secondWindow.getByTestId('end-reason')).toHaveText(
    'Appel pris dans une autre fenêtre de cette station.',
  );
  await expect.poll(() => framesDecoded(cart.page), { timeout: 15_000 }).toBeGreaterThan(10);
  await expect(expert.page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected');
});
