// Starts the built browser-mode host (out/main/host.cjs) as a child process on a data folder,
// as `npm start` does, and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningStation {
  url: string;
  origin: string;
  output: () => string;
  stop(): Promise<void>;
}

const READY = /Relais station ready: (http:\/\/127\.0\.0\.1:\d+)\/#token=[0-9a-f]+/;

export function waitForReady(
  child: ChildProcess,
  timeoutMs = 30_000,
): Promise<{ url: string; origin: string; output: () => string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`station did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[0].slice('Relais station ready: '.length), origin: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`station exited with ${code}:\n${output}`));
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startStation(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningStation> {
  const child = spawn(process.execPath, [path.resolve('out/main/host.cjs')], {
    // Without a provider, these stations run as a site that chose no sign-in (the host refuses otherwise).
    env: {
      ...process.env,
      RELAIS_DATA_DIR: dataDir,
      RELAIS_PORT: '0',
      ...(env.RELAIS_OIDC_DISCOVERY_URL ? {} : { RELAIS_NO_SIGN_IN: '1' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = await waitForReady(child);
  return { ...ready, stop: () => stopChild(child) };
}
