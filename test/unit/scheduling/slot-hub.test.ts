// The region's slots are read and published on the hub only: without a hub configured, or with a
// hub that does not answer, each says so plainly (hub_unavailable, with what needs it); a station
// that is not an expert's does not publish. Against a real FHIR client and a port nobody listens on.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/main/contract/failure';
import { createSlotHub } from '../../../src/main/scheduling/slot-hub';
import { createFhirClient } from '../../../src/main/sync';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failureOf(work: Promise<unknown>): Promise<AppFailure> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('it should have failed');
}

const SLOTS = [{ start: '2036-12-08T09:00:00.000Z', end: '2036-12-08T09:30:00.000Z' }];
const expert = () => ({ id: 'dr-le-goff', role: 'expert' });

describe('the slots on the hub, online only', () => {
  it('says that no hub is configured', async () => {
    const hub = createSlotHub({ client: null, you: expert });
    const read = await failureOf(hub.freeSlots('derm', '2036-12-08T00:00:00.000Z'));
    expect(read.code).toBe('hub_unavailable');
    expect(read.message).toBe('No regional hub is configured on this station: the free slots are read from it.');
    expect((await failureOf(hub.publish('derm', SLOTS))).message).toBe(
      'No regional hub is configured on this station: slots are published on it.',
    );
  });

  it('says that the hub cannot be reached, for reading and for publishing', async () => {
    const client = createFhirClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/fhir/R4`, token: () => 't' });
    const hub = createSlotHub({ client, you: expert });
    const read = await failureOf(hub.freeSlots('derm', '2036-12-08T00:00:00.000Z'));
    expect(read.code).toBe('hub_unavailable');
    expect(read.message).toMatch(/cannot be reached now \(no answer\): the free slots are read from it, online only/);
    const publish = await failureOf(hub.publish('derm', SLOTS));
    expect(publish.code).toBe('hub_unavailable');
    expect(publish.message).toMatch(/cannot be reached now \(no answer\): slots are published on it, online only/);
  });

  it('publishes from an expert’s station only, and only once it knows who she is at the hub', async () => {
    const client = createFhirClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/fhir/R4`, token: () => 't' });
    const station = createSlotHub({ client, you: () => ({ id: 'cart-7', role: 'station' }) });
    expect((await failureOf(station.publish('derm', SLOTS))).code).toBe('forbidden');
    const unknown = createSlotHub({ client, you: () => null });
    expect((await failureOf(unknown.publish('derm', SLOTS))).code).toBe('hub_unavailable');
  });
});
