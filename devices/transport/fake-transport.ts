// A transport for tests: records what the driver writes, lets the test play the device's
// answers and cable events (unplug, replug) deterministically.
import { fromHex, hex } from './hex';
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

export { fromHex, hex };

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
