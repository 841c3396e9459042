// A VISCA-over-IP camera on 127.0.0.1: answers RESET, unwraps datagrams for the VISCA camera
// simulator, wraps its replies with the sequence number they answer, refuses a sequence number
// it already ran (0F 01), and can drop every Nth datagram to exercise retransmission.
import dgram from 'node:dgram';
import { createViscaReplyDecoder } from '../visca/codec';
import { startViscaSimulator, type ViscaSimulator } from '../visca/simulator';
import { Listeners, type LinkState, type Transport } from '../transport/transport';
import { CONTROL_RESET, decodeDatagram, encodeDatagram, PAYLOAD_TYPE } from './codec';

export interface ViscaIpSimulatorOptions {
  port?: number;
  dropEvery?: number;
  seed?: number;
}

export async function startViscaIpSimulator(options: ViscaIpSimulatorOptions = {}) {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(options.port ?? 0, '127.0.0.1', () => resolve()));
  const incoming = new Listeners<[Uint8Array]>();
  let client: { address: string; port: number } | null = null;
  const ran = new Set<number>();
  const awaitingFirstReply: number[] = [];
  const socketSequence = new Map<number, number>();
  const replies = createViscaReplyDecoder();
  let received = 0;

  const send = (type: number, sequence: number, payload: Uint8Array) => {
    if (client) socket.send(encodeDatagram({ type, sequence, payload }), client.port, client.address);
  };

  // The VISCA simulator sees a byte transport; each of its writes is one reply message.
  const toCamera: Transport = {
    name: 'visca-ip-sim',
    state: (): LinkState => 'connected',
    async write(bytes) {
      for (const reply of replies.push(bytes)) {
        // Every reply but a socket's Completion is the first reply to the oldest command waiting.
        const first = !(reply.type === 'completion' && reply.socket !== 0);
        const sequence = first
          ? awaitingFirstReply.shift()
          : reply.type === 'completion'
            ? socketSequence.get(reply.socket)
            : undefined;
        if (reply.type === 'ack' && sequence !== undefined) socketSequence.set(reply.socket, sequence);
        send(PAYLOAD_TYPE.reply, sequence ?? 0, bytes);
      }
    },
    onData: (listener) => incoming.add(listener),
    onState: () => () => {},
    close: async () => {},
  };
  // No wire to pace over IP: a fast "baud rate" keeps only the camera's own 1-4 frame delays.
  const camera: ViscaSimulator = await startViscaSimulator({
    transport: toCamera,
    baudRate: 10_000_000,
    seed: options.seed,
  });

  socket.on('message', (message, from) => {
    received++;
    if (options.dropEvery && received % options.dropEvery === 0) return; // lost on the network
    client = { address: from.address, port: from.port };
    const decoded = decodeDatagram(new Uint8Array(message));
    if (!decoded.ok) return send(PAYLOAD_TYPE.controlReply, 0, Uint8Array.of(0x0f, 0x02));
    const { type, sequence, payload } = decoded.datagram;
    if (type === PAYLOAD_TYPE.controlCommand && payload[0] === CONTROL_RESET[0]) {
      ran.clear();
      return send(PAYLOAD_TYPE.controlReply, sequence, CONTROL_RESET);
    }
    if (type !== PAYLOAD_TYPE.command && type !== PAYLOAD_TYPE.inquiry) return;
    if (ran.has(sequence)) return send(PAYLOAD_TYPE.controlReply, sequence, Uint8Array.of(0x0f, 0x01));
    ran.add(sequence);
    awaitingFirstReply.push(sequence);
    incoming.emit(payload);
  });

  return {
    port: (socket.address() as { port: number }).port,
    camera,
    /** Commands the camera actually ran (a retransmission that got through twice counts once). */
    executed: () => camera.received.length,
    /** Datagrams that reached the socket, dropped ones and retransmissions included. */
    datagrams: () => received,
    async stop() {
      await camera.stop();
      await new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}
