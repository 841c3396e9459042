// Starts Debian's Orthanc with its DICOMweb plugin on 127.0.0.1 (a free port, a temp storage
// folder, no DICOM network, no authentication: loopback only), for the PACS integration tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ORTHANC_BINARY = '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface RunningOrthanc {
  url: string;
  dicomWebUrl: string;
  stop(): Promise<void>;
}

export async function startOrthanc(): Promise<RunningOrthanc> {
  for (const file of [ORTHANC_BINARY, DICOMWEB_PLUGIN]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: apt-get install orthanc orthanc-dicomweb`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-orthanc-'));
  const port = await freePort();
  const config = {
    Name: 'RelaisTestPACS',
    StorageDirectory: path.join(dir, 'db'),
    IndexDirectory: path.join(dir, 'db'),
    HttpPort: port,
    HttpBindAddress: '127.0.0.1',
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    DicomServerEnabled: false,
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/' },
  };
  fs.writeFileSync(path.join(dir, 'orthanc.json'), JSON.stringify(config));
  const child: ChildProcess = spawn(ORTHANC_BINARY, [path.join(dir, 'orthanc.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/system`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`Orthanc did not start in 20 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dicomWebUrl: `${url}/dicom-web`,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
