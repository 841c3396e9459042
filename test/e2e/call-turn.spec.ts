// Calls through coturn only (relay-only ICE policy, credentials issued by the hub), and what a
// network drop does: the relay disappears mid-call, both sides say "reconnecting", the call
// resumes when it is back; when it does not come back, the call ends with the reason on both
// sides and in the journal.
import { expect, test } from '@playwright/test';
import { callAndAnswer, framesDecoded, startCallSetup, type CallSetup } from './call-fixture';
import { connectStationClient } from './station-client';
import { startTurnServer, type TurnServer } from './turn-server';

const TURN_SECRET = 'e2e-coturn-static-auth-secret';
let setup: CallSetup | null = null;
let turn: TurnServer | null = null;
test.afterEach(async () => {
  await setup?.stop();
  await turn?.kill();
  setup = null;
  turn = null;
});

test('a call relayed by coturn survives the relay going away, and ends cleanly when it stays away', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  turn = await startTurnServer(TURN_SECRET);
  setup = await startCallSetup(browser, {
    hub: { turnSecret: TURN_SECRET, turnUrls: [turn.url] },
    stationEnv: { RELAIS_ICE_POLICY: 'relay' },
  });
  const pages = [setup.cart.page, setup.expert.page];
  await callAndAnswer(setup);
  for (const page of pages) {
    await expect.poll(() => framesDecoded(page), { timeout: 15_000 }).toBeGreaterThan(10);
    await expect(page.getByTestId('call-quality')).toHaveAttribute('data-route', 'relay');
  }
  await expect(setup.cart.page.getByTestId('call-quality')).toContainText('via le relais TURN');

  // The relay dies: no packet can flow (relay-only), both sides see the reconnection.
  await turn.kill();
  for (const page of pages)
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'reconnecting', { timeout: 30_000 });
  await expect(setup.cart.page.getByTestId('call-phase')).toHaveText(
    'Reconnexion en cours… l’appel reprendra tout seul.',
  );

  // It comes back on the same address: the call resumes by itself, pictures flow again.
  await turn.restart();
  for (const page of pages)
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 30_000 });
  const resumedAt = await framesDecoded(setup.expert.page);
  await expect.poll(() => framesDecoded(setup!.expert.page), { timeout: 15_000 }).toBeGreaterThan(resumedAt + 10);

  // It dies for good: after the reconnection deadline the call ends, with the reason, on both sides.
  await turn.kill();
  for (const page of pages)
    await expect(page.getByTestId('end-reason')).toHaveAttribute('data-reason', 'connection_lost', { timeout: 70_000 });
  await expect(setup.cart.page.getByTestId('end-reason')).toHaveText(
    'La connexion n’a pas pu être rétablie : appel terminé.',
  );
  const client = await connectStationClient(setup.cart.station.url);
  const [record] = await client.value('calls.history', { limit: 1 });
  client.close();
  expect(record).toMatchObject({ endReason: 'hangup', endDetail: 'connection_lost' });
});
