// coturn from Debian, started by the test on loopback with the hub's shared secret
// (use-auth-secret: time-limited credentials the hub issues), stopped or killed by the test.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TurnServer {
  url: string;
  port: number;
  kill(): Promise<void>;
  restart(): Promise<void>;
}

function launch(port: number, secret: string, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'turnserver',
    [
      '-n',
      '--log-file',
      'stdout',
      '--simple-log',
      '--no-cli',
      '--no-tls',
      '--no-dtls',
      '--listening-ip',
      '127.0.0.1',
      '--relay-ip',
      '127.0.0.1',
      '--listening-port',
      String(port),
      '--min-port',
      String(port + 1),
      '--max-port',
      String(port + 200),
      '--use-auth-secret',
      '--static-auth-secret',
      secret,
      '--realm',
      'relais.test',
      // Both browsers are on this machine: their relayed addresses are loopback ones.
      '--allow-loopback-peers',
      '--pidfile',
      path.join(dir, 'turnserver.pid'),
      '--userdb',
      path.join(dir, 'turndb'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`turnserver did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Total General servers')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (e) => reject(new Error(`turnserver could not run (apt-get install coturn): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`turnserver exited with ${code}:\n${output}`)));
  });
}

export async function startTurnServer(secret: string): Promise<TurnServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-turn-'));
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  let child: ChildProcess | null = await launch(port, secret, dir);
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    port,
    kill,
    async restart() {
      await kill();
      child = await launch(port, secret, dir);
    },
  };
}
