// The one byte-stream interface every driver uses (serial, TCP, UDP datagrams, fake), with a
// link state a person can read and a fast failure when the device is away.

export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'gone';

export interface Transport {
  /** A human-readable name for logs and errors: "/dev/ttyUSB0", "udp 10.0.0.5:52381". */
  readonly name: string;
  state(): LinkState;
  /** Resolves once the bytes are handed to the OS. Rejects at once with DeviceAwayError when
   * the link is not connected: a command never waits for a device that may not come back. */
  write(bytes: Uint8Array): Promise<void>;
  /** Bytes as they arrive (any chunking: decoders must reassemble). Datagram transports
   * deliver one datagram per call. */
  onData(listener: (bytes: Uint8Array) => void): () => void;
  onState(listener: (state: LinkState, detail?: string) => void): () => void;
  close(): Promise<void>;
}

export class DeviceAwayError extends Error {
  readonly code = 'device_away';
  constructor(
    readonly transport: string,
    readonly linkState: LinkState,
  ) {
    super(
      `${transport} is ${linkState}: the command was not sent. Check the cable or the device's power; Relais reconnects by itself.`,
    );
    this.name = 'DeviceAwayError';
  }
}

// Small listener set helper shared by the transports.
export class Listeners<A extends unknown[]> {
  private readonly set = new Set<(...args: A) => void>();
  add(listener: (...args: A) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(...args: A): void {
    for (const listener of [...this.set]) listener(...args);
  }
}
