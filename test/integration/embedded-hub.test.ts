// The embedded default (issue 20, point 6): `npm start` runs a hub with the sample offers and
// prints an expert station's token. The stroke alert rings the urgent offer's experts, so the
// printed expert must be one of them, or the alert cannot ring her on one machine.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import WebSocket from 'ws';
import { startEmbeddedHub, type EmbeddedHub } from '../../src/main/host/embedded-hub';
import { HUB_PROTOCOL, type ServerMessage } from '../../src/shared/hub-protocol';

let embedded: EmbeddedHub | null = null;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await embedded?.hub.close();
  embedded = null;
});

// Connects with a token and collects what the hub says, to wait for one kind of message.
async function connect(url: string, token: string) {
  const ws = new WebSocket(url, [HUB_PROTOCOL, `token.${token}`]);
  sockets.push(ws);
  const inbox: ServerMessage[] = [];
  const waiting: (() => void)[] = [];
  ws.on('message', (d) => {
    inbox.push(JSON.parse(String(d)) as ServerMessage);
    waiting.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = async <T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> => {
    for (;;) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return inbox.splice(i, 1)[0] as Extract<ServerMessage, { type: T }>;
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return { next, send: (m: unknown) => ws.send(JSON.stringify(m)) };
}

describe('the embedded default hub', () => {
  it("names the printed expert station in every sample offer, and the stroke alert's first ring reaches her", async () => {
    embedded = await startEmbeddedHub(path.resolve('resources'));
    const expert = await connect(embedded.hub.url, embedded.expertToken);
    const expertId = (await expert.next('welcome')).you.id;
    const cart = await connect(embedded.hub.url, embedded.stationToken);
    await cart.next('welcome');
    cart.send({ type: 'directory.get' });
    const { offers } = await cart.next('directory');
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers)
      expect(
        offer.experts.map((e) => e.id),
        offer.id,
      ).toContain(expertId);

    // The cart's stroke alert rings the urgent offer's experts in order: the first is the printed one.
    const stroke = offers.find((o) => o.urgent);
    expect(stroke?.experts[0]?.id).toBe(expertId);
    cart.send({ type: 'call.ring', to: stroke!.experts[0]!.id, reason: 'Alerte AVC', urgent: true });
    expect(await expert.next('call.incoming')).toMatchObject({ urgent: true, reason: 'Alerte AVC' });
  });
});
