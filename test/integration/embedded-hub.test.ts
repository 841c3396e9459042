// The embedded default (issue 20, point 6): `npm start` runs a hub with the sample offers and
// prints an expert station's token. The stroke alert rings the urgent offer's experts, so the
// printed expert must be one of them, or the alert cannot ring her on one machine.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type WebSocket from 'ws';
import { startEmbeddedHub, type EmbeddedHub } from '../../src/main/host/embedded-hub';
import { connectToHub } from '../helpers/hub-peer';

let embedded: EmbeddedHub | null = null;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await embedded?.hub.close();
  embedded = null;
});

const connect = (url: string, token: string) => connectToHub(url, token, sockets);

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
