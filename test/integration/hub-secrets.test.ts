// The hub's two secrets are never one (issue 16, point 5): the key that signs access tokens and
// coturn's static-auth-secret. Whoever reads turnserver.conf must not be able to mint tokens. The
// hub command (src/hub/main.ts, run as `npm run hub` runs it) refuses to start without
// RELAIS_TURN_SECRET or with the token secret as TURN secret; startHub refuses equal secrets
// whoever calls it; the development hub makes two different random ones.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the hub command with only these settings; stops it once it printed `ready` (or after 15 s). */
function hubCommand(env: Record<string, string>, ready = 'listening on'): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('RELAIS_')));
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/hub/main.ts')], {
    env: { ...inherited, RELAIS_HUB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, stdout: '', stderr: '' };
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  child.stdout.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
    if (run.stdout.includes(ready)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => void (run.stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ ...run, code });
    });
  });
}

describe('the hub command', () => {
  it('refuses to start without RELAIS_TURN_SECRET, naming the setting', async () => {
    const run = await hubCommand({ RELAIS_HUB_SECRET: 'token-signing-secret-of-the-region' });
    expect(run.stdout).not.toContain('listening on');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Relais hub could not start: RELAIS_TURN_SECRET is not set');
  });

  it('refuses to start when RELAIS_TURN_SECRET is the token secret', async () => {
    const run = await hubCommand({
      RELAIS_HUB_SECRET: 'one-secret-for-both',
      RELAIS_TURN_SECRET: 'one-secret-for-both',
    });
    expect(run.stdout).not.toContain('listening on');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RELAIS_TURN_SECRET is the same as RELAIS_HUB_SECRET');
  });

  it('starts a development hub with neither secret set (it makes two different ones)', async () => {
    const run = await hubCommand({ RELAIS_HUB_DEV: '1' }, 'development token (coordinator)');
    expect(run.stdout).toContain('listening on');
    expect(run.stdout).toContain('development token (cart)');
    expect(run.stdout).toContain('development token (expert)');
  });

  it('prints a development token for the region’s coordinator, who publishes the offers', async () => {
    const run = await hubCommand({ RELAIS_HUB_DEV: '1' }, 'development token (coordinator)');
    const token = /development token \(coordinator\): +(\S+)/.exec(run.stdout)?.[1] ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: 'coordinator-dev', role: 'coordinator' });
  });
});

describe('startHub', () => {
  const hubs: RunningHub[] = [];
  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.close();
  });

  it('refuses a TURN secret equal to the token secret, or to a key of the rotation', async () => {
    await expect(startHub({ secret: 'same', turnSecret: 'same', turnUrls: [], offers: [] })).rejects.toThrow(
      /TURN secret .* token/,
    );
    const keys = {
      current: { id: 'k2', secret: 'new' },
      previous: { id: 'k1', secret: 'old', untilSeconds: Date.now() / 1000 + 60 },
    };
    await expect(startHub({ secret: 'new', keys, turnSecret: 'old', turnUrls: [], offers: [] })).rejects.toThrow(
      /TURN secret .* token/,
    );
    await expect(startHub({ secret: 'new', keys, turnSecret: 'new', turnUrls: [], offers: [] })).rejects.toThrow(
      /TURN secret .* token/,
    );
    await expect(startHub({ secret: 'a', turnSecret: '', turnUrls: [], offers: [] })).rejects.toThrow(/TURN secret/);
    hubs.push(await startHub({ secret: 'a', turnSecret: 'b', turnUrls: [], offers: [] }));
  });
});
