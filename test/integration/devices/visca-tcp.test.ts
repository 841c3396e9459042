// Raw VISCA over TCP (127.0.0.1): the driver drives the camera simulator behind a TCP server,
// and the link comes back by itself when the server restarts.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Listeners, type Transport } from '../../../devices/transport/transport';
import { createReconnectingTransport } from '../../../devices/transport/reconnecting-transport';
import { openTcpLink } from '../../../devices/transport/tcp-link';
import { createViscaCamera } from '../../../devices/visca/driver';
import { startViscaSimulator } from '../../../devices/visca/simulator';
import { waitFor } from '../../helpers/wait';
import { useCleanups } from '../../helpers/cleanups';

const cleanup = useCleanups();

// A camera on TCP: the simulator reads and writes through the accepted socket.
async function tcpCamera(port = 0) {
  const incoming = new Listeners<[Uint8Array]>();
  let client: net.Socket | null = null;
  const side: Transport = {
    name: 'tcp-camera',
    state: () => 'connected',
    write: async (bytes) => void client?.write(bytes),
    onData: (l) => incoming.add(l),
    onState: () => () => {},
    close: async () => {},
  };
  const simulator = await startViscaSimulator({ transport: side, baudRate: 10_000_000 });
  const server = net.createServer((socket) => {
    client = socket;
    socket.on('data', (chunk) => incoming.emit(new Uint8Array(chunk)));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const stop = async () => {
    client?.destroy();
    await new Promise((r) => server.close(() => r(null)));
    await simulator.stop();
  };
  return { simulator, port: (server.address() as net.AddressInfo).port, stop };
}

describe('VISCA over TCP', () => {
  it('drives the camera, and reconnects when the camera comes back', async () => {
    let camera1 = await tcpCamera();
    const transport = createReconnectingTransport({
      name: 'tcp',
      open: () => openTcpLink({ host: '127.0.0.1', port: camera1.port }),
      initialDelayMs: 20,
      maxDelayMs: 100,
    });
    cleanup(() => transport.close());
    const camera = createViscaCamera({ transport, ackTimeoutMs: 2_000 });
    cleanup(() => camera.close());
    await waitFor(() => transport.state() === 'connected', 'tcp connected');
    await camera.ready();
    await camera.moveTo({ pan: 500, tilt: 100 });
    expect(await camera.position()).toEqual({ pan: 500, tilt: 100, zoom: 0 });

    const port = camera1.port;
    await camera1.stop();
    await waitFor(() => transport.state() === 'reconnecting', 'reconnecting');
    await expect(camera.home()).rejects.toMatchObject({ code: 'device_away' });
    camera1 = await tcpCamera(port);
    cleanup(() => camera1.stop());
    await waitFor(() => transport.state() === 'connected', 'connected again', 5_000);
    await camera.ready();
    await camera.home();
    expect(camera1.simulator.state()).toMatchObject({ pan: 0, tilt: 0 });
  });
});
