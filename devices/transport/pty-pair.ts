// A virtual serial cable: socat joins two pseudo-terminals, the driver opens one end and a
// simulator the other. Used by the station's embedded defaults and by integration tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PtyPair {
  /** The end a driver opens, like /dev/ttyUSB0. */
  devicePath: string;
  /** The end the simulator opens. */
  simulatorPath: string;
  /** Pulls the cable: both ends vanish. */
  close(): Promise<void>;
}

export class SocatMissingError extends Error {
  constructor() {
    super('socat is not installed: the simulated devices need it (Debian: apt-get install socat).');
  }
}

export async function openPtyPair(devicePath: string, simulatorPath: string, timeoutMs = 5_000): Promise<PtyPair> {
  for (const link of [devicePath, simulatorPath]) {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { force: true });
  }
  const child: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${simulatorPath}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new SocatMissingError() : error),
    ),
  );
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (!(fs.existsSync(devicePath) && fs.existsSync(simulatorPath))) {
      if (child.exitCode !== null) throw new Error(`socat stopped: ${stderr.trim()}`);
      if (Date.now() > deadline) throw new Error(`socat did not create ${devicePath} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  await Promise.race([ready, spawnError]);
  return {
    devicePath,
    simulatorPath,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
