// A transport for tests: records what the driver writes, lets the test play the device's
// answers and cable events (unplug, replug) deterministically.
import { DeviceAwayError, Listeners, type LinkState, type Transport } from './transport';

export interface FakeTransport extends Transport {
  /** Every write, in order, as hex strings ("81 01 06 01 ..."), for readable assertions. */
  readonly written: string[];
  /** The device sends these bytes (hex string or bytes). */
  receive(bytes: Uint8Array | string): void;
  setState(state: LinkState, detail?: string): void;
  /** Called on each write; lets a test answer like a device would. */
  onWrite(listener: (bytes: Uint8Array) => void): () => void;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-f]/gi, '');
  if (clean.length % 2) throw new Error(`odd hex string: ${text}`);
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function createFakeTransport(name = 'fake', initial: LinkState = 'connected'): FakeTransport {
  let state = initial;
  const data = new Listeners<[Uint8Array]>();
  const states = new Listeners<[LinkState, string | undefined]>();
  const writes = new Listeners<[Uint8Array]>();
  const written: string[] = [];
  return {
    name,
    written,
    state: () => state,
    async write(bytes) {
      if (state !== 'connected') throw new DeviceAwayError(name, state);
      written.push(hex(bytes));
      writes.emit(bytes);
    },
    onData: (listener) => data.add(listener),
    onState: (listener) => states.add(listener),
    onWrite: (listener) => writes.add(listener),
    receive(bytes) {
      data.emit(typeof bytes === 'string' ? fromHex(bytes) : bytes);
    },
    setState(next, detail) {
      state = next;
      states.emit(next, detail);
    },
    async close() {
      state = 'gone';
      states.emit('gone', 'closed');
    },
  };
}
