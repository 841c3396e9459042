// VISCA over IP as a Transport, so the same VISCA driver drives IP cameras: each payload goes out
// in one datagram with the next sequence number and is retransmitted with the SAME number until
// a reply carries it; "sequence abnormality" means it already ran, so it is never sent again.
// Without the header (PTZOptics raw UDP, cameras that refuse it) payloads go out bare.
import dgram from 'node:dgram';
import { DeviceAwayError, Listeners, type LinkState, type Transport } from '../transport/transport';
import { CONTROL_RESET, controlError, decodeDatagram, encodeDatagram, PAYLOAD_TYPE } from './codec';

export interface ViscaIpOptions {
  host: string;
  port?: number;
  header?: boolean;
  localPort?: number;
  retransmitMs?: number;
  maxRetransmits?: number;
  /** Datagrams that got no reply at all, in a row, before the state says reconnecting. */
  silentLimit?: number;
  onLog?: (event: string, detail?: Record<string, unknown>) => void;
}

export function createViscaIpTransport(options: ViscaIpOptions): Transport {
  const { host, header = true, retransmitMs = 100, maxRetransmits = 3, silentLimit = 3 } = options;
  const port = options.port ?? (header ? 52381 : 1259);
  const name = `udp ${host}:${port}`;
  const log = options.onLog ?? (() => {});
  const socket = dgram.createSocket('udp4');
  const data = new Listeners<[Uint8Array]>();
  const states = new Listeners<[LinkState, string | undefined]>();
  const pending = new Map<number, { bytes: Uint8Array; tries: number; timer: ReturnType<typeof setTimeout> }>();
  let state: LinkState = 'connecting';
  let sequence = 0;
  let silent = 0;
  let resetTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const setState = (next: LinkState, detail?: string) => {
    if (next !== state) {
      state = next;
      states.emit(next, detail);
    }
  };
  const send = (bytes: Uint8Array) => socket.send(bytes, port, host);

  function reset(): void {
    if (closed) return;
    for (const p of pending.values()) clearTimeout(p.timer);
    pending.clear();
    send(encodeDatagram({ type: PAYLOAD_TYPE.controlCommand, sequence: 0, payload: CONTROL_RESET }));
    // Until the camera answers the RESET, ask again every second.
    resetTimer = setTimeout(() => {
      setState('reconnecting', 'no answer to RESET');
      reset();
    }, 1_000);
  }

  function retransmit(seq: number): void {
    const entry = pending.get(seq);
    if (!entry) return;
    if (entry.tries >= maxRetransmits) {
      pending.delete(seq);
      silent++;
      log('visca_ip.no_reply', { seq });
      if (silent >= silentLimit && !resetTimer) {
        // Writes are refused while reconnecting, so the RESET loop is what finds the camera again.
        setState('reconnecting', `${silent} datagrams without a reply`);
        reset();
      }
      return;
    }
    entry.tries++;
    send(entry.bytes);
    entry.timer = setTimeout(() => retransmit(seq), retransmitMs);
  }

  socket.on('message', (message, from) => {
    // SECURITY: only the configured camera may answer.
    if (from.address !== host || from.port !== port) return;
    silent = 0;
    if (!header) {
      setState('connected');
      return data.emit(new Uint8Array(message));
    }
    const decoded = decodeDatagram(new Uint8Array(message));
    if (!decoded.ok) return log('visca_ip.bad_datagram', { error: decoded.error });
    const { type, sequence: seq, payload } = decoded.datagram;
    const entry = pending.get(seq);
    if (entry) {
      clearTimeout(entry.timer);
      pending.delete(seq);
    }
    if (type === PAYLOAD_TYPE.controlReply) {
      const error = controlError(decoded.datagram);
      if (error === 'sequence') {
        // It already ran (its reply was late or lost): stop sending it. Other commands waiting
        // for a retransmission are left alone: resetting here would drop them silently.
        log('visca_ip.sequence_abnormality', { seq });
      } else if (error === null && resetTimer) {
        clearTimeout(resetTimer);
        resetTimer = null;
        sequence = 0;
        setState('connected');
      }
      return;
    }
    setState('connected');
    if (type === PAYLOAD_TYPE.reply) data.emit(payload);
  });

  socket.bind(options.localPort ?? 0, () => {
    if (header) reset();
    else setState('connected');
  });

  return {
    name,
    state: () => state,
    async write(payload) {
      if (state !== 'connected') throw new DeviceAwayError(name, state);
      if (!header) return void send(payload);
      sequence = (sequence + 1) >>> 0;
      const bytes = encodeDatagram({
        type: payload[1] === 0x09 ? PAYLOAD_TYPE.inquiry : PAYLOAD_TYPE.command,
        sequence,
        payload,
      });
      const seq = sequence;
      pending.set(seq, { bytes, tries: 0, timer: setTimeout(() => retransmit(seq), retransmitMs) });
      send(bytes);
    },
    onData: (listener) => data.add(listener),
    onState: (listener) => states.add(listener),
    async close() {
      closed = true;
      if (resetTimer) clearTimeout(resetTimer);
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      await new Promise<void>((resolve) => socket.close(() => resolve()));
      setState('gone', 'closed');
    },
  };
}
