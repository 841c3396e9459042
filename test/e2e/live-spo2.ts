// The cart's SpO2 on the expert's screen within a second (issue 21, point 2): each value the
// cart's station reads from its oximeter (its events, watched on the station's own socket) is on
// her screen a second later at the latest, and what she sees is always a value the cart read.
// Shared by the live measurements' spec and the whole act's.
import { expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../src/shared/wire';

interface Seen {
  value: string;
  at: number;
}

/** The SpO2 the cart's station reads from its oximeter, each time it changes, with when (this machine's clock). */
async function watchCartSpo2(stationUrl: string): Promise<{ changes: Seen[]; close(): void }> {
  const url = new URL(stationUrl);
  const token = /token=([0-9a-f]+)/.exec(url.hash)?.[1] ?? '';
  const ws = new WebSocket(`ws://${url.host}/relais`, [WIRE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token], {
    origin: url.origin,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const changes: Seen[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as {
      kind: string;
      event?: string;
      payload?: { spo2: number | null; status: string };
    };
    if (m.kind !== 'event' || m.event !== 'oximeter.reading' || m.payload?.status !== 'measuring') return;
    const value = `${m.payload.spo2} %`;
    if (changes.at(-1)?.value !== value) changes.push({ value, at: Date.now() });
  });
  return { changes, close: () => ws.close() };
}

/** Watches both sides until the cart's SpO2 held two values a second each, then checks her screen followed. */
export async function expectSpo2ShownWithinASecond(cartUrl: string, expert: Page): Promise<void> {
  await expert.evaluate(() => {
    const shown: { value: string; at: number }[] = [];
    (window as unknown as { liveSpo2Shown: typeof shown }).liveSpo2Shown = shown;
    setInterval(() => {
      const value = document.querySelector('[data-testid="live-spo2"]')?.textContent ?? '';
      if (shown.at(-1)?.value !== value) shown.push({ value, at: Date.now() });
    }, 20);
  });
  const expertShown = () =>
    expert.evaluate(() => (window as unknown as { liveSpo2Shown: { value: string; at: number }[] }).liveSpo2Shown);
  const cartSpo2 = await watchCartSpo2(cartUrl);
  try {
    // The simulator's SpO2 drifts (97 % ± 1, with noise; a reading every 100 ms or so, and a figure may
    // flicker for one reading): checked are the values the cart kept for a second at least, after the
    // first one: each must be on her screen one second after the cart read it.
    const held = () => cartSpo2.changes.slice(1).filter((c, i, all) => (all[i + 1]?.at ?? Date.now()) - c.at >= 1000);
    await expect.poll(() => held().length, { timeout: 100_000, intervals: [500] }).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1500));
    const shown = await expertShown();
    // What her screen showed at a moment: the last change seen at or before it.
    const shownAt = (t: number) => shown.filter((s) => s.at <= t).at(-1)?.value;
    const story = JSON.stringify({ cart: cartSpo2.changes, shown });
    for (const change of held())
      expect(shownAt(change.at + 1000), `${change.value} at ${change.at}: ${story}`).toBe(change.value);
    // And her screen changed with the cart's: each change it made came from a change the cart read
    // less than a second before (a flicker of one reading may arrive or not; nothing else shows).
    expect(shown.length, story).toBeGreaterThanOrEqual(2);
    // Only the changes from a second after the cart's watch began: one shown earlier may come from a
    // reading the cart made before anyone watched it (CI saw her screen change 350 ms before).
    const watchedFrom = (cartSpo2.changes[0]?.at ?? Infinity) + 1000;
    for (const s of shown.slice(1).filter((change) => change.at >= watchedFrom)) {
      const from = cartSpo2.changes.find((c) => c.value === s.value && c.at >= s.at - 1000 && c.at <= s.at + 100);
      expect(from, `${s.value} shown at ${s.at}: ${story}`).toBeDefined();
    }
  } finally {
    cartSpo2.close();
  }
}
