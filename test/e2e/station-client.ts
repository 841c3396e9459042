// Talks to a running browser-mode station from the test, as its page does (same contract, same
// key and origin checks): lets a test read the cart's camera position while its page is in a call.
import WebSocket from 'ws';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import { TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../src/shared/wire';

export interface StationClient {
  value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): void;
}

export async function connectStationClient(stationUrl: string): Promise<StationClient> {
  const url = new URL(stationUrl);
  const token = /token=([0-9a-f]+)/.exec(url.hash)?.[1] ?? '';
  const ws = new WebSocket(`ws://${url.host}/relais`, [WIRE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token], {
    origin: url.origin,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      kind: string;
      id?: number;
      result?: { ok: boolean; value?: unknown; error?: unknown };
    };
    if (message.kind === 'result' && message.id !== undefined) pending.get(message.id)?.(message.result!);
  });
  return {
    value(channel, input) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, (result) => {
          pending.delete(id);
          if (result.ok) resolve(result.value as never);
          else reject(new Error(`${channel}: ${JSON.stringify(result.error)}`));
        });
        ws.send(JSON.stringify({ kind: 'invoke', id, channel, payload: input }));
      });
    },
    close: () => ws.close(),
  };
}
