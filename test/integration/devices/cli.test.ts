// The technician's CLI, run as a child process against the VISCA simulator on a socat pty.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../../devices/transport/pty-pair';
import { startViscaSimulator, type ViscaSimulator } from '../../../devices/visca/simulator';

const run = promisify(execFile);
const CLI = path.resolve('bin/relais-devices.cjs');
let pair: PtyPair;
let simulator: ViscaSimulator;
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { timeout: 20_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  if (!fs.existsSync('out/main/relais-devices.cjs')) await run('npx', ['vite', 'build', '-c', 'vite.main.config.ts']);
  dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'relais-cli-'));
  pair = await openPtyPair(path.join(dir, 'camera'), path.join(dir, 'camera-sim'));
  simulator = await startViscaSimulator({ path: pair.simulatorPath, seed: 11 });
}, 60_000);
afterAll(async () => {
  await simulator.stop();
  await pair.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('relais-devices', () => {
  it('probes the port and names the camera', async () => {
    const { code, out } = await cli('probe', pair.devicePath);
    expect(code).toBe(0);
    expect(out).toContain(
      'Found: VISCA, 1 camera(s) on the chain; camera 1: vendor Sony, model 0x0402, ROM 0x0100, 2 sockets at 9600 baud.',
    );
  });

  it('pans the camera, reads its position, and brings it back to a preset', async () => {
    expect((await cli('camera', pair.devicePath, 'pan-right', '--for', '400', '--speed', '1')).code).toBe(0);
    const moved = simulator.state().pan;
    expect(moved).toBeGreaterThan(300);
    expect((await cli('camera', pair.devicePath, 'position')).out).toContain(`pan ${moved} tilt 0 zoom 0`);
    expect((await cli('camera', pair.devicePath, 'preset-set', '3')).out).toContain('Preset 3 stored.');
    expect((await cli('camera', pair.devicePath, 'home')).code).toBe(0);
    expect(simulator.state().pan).toBe(0);
    expect((await cli('camera', pair.devicePath, 'preset-recall', '3')).out).toContain('At preset 3.');
    expect(simulator.state().pan).toBe(moved);
  });

  it('prints live oximeter readings', async () => {
    const { startCms50dSimulator } = await import('../../../devices/cms50d/simulator');
    const oxiPair = await openPtyPair(path.join(dir, 'oxi'), path.join(dir, 'oxi-sim'));
    const oximeter = await startCms50dSimulator({
      path: oxiPair.simulatorPath,
      generation: 'v2',
      spo2: 96,
      pulseRate: 70,
    });
    try {
      expect((await cli('probe', oxiPair.devicePath)).out).toMatch(
        /Found: Contec CMS50D\+ pulse oximeter \(v2 firmware, 115200 baud\), \d+ frames in 0\.6 s/,
      );
      const { code, out } = await cli('oximeter', oxiPair.devicePath, '--seconds', '2');
      expect(code).toBe(0);
      expect(out).toMatch(/2s {2}SpO2 9\d % {2}pulse [67]\d \/min {2}pleth \d+ {2}measuring {2}\(\d+ frames\/s\)/);
    } finally {
      await oximeter.stop();
      await oxiPair.close();
    }
  });

  it('exits 1 with the usage on a mistake, 2 when the port is not there', async () => {
    const unknown = await cli('camera', pair.devicePath, 'wiggle');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('Unknown camera command "wiggle"');
    const noPreset = await cli('camera', pair.devicePath, 'preset-recall');
    expect(noPreset.code).toBe(1);
    expect(noPreset.out).toContain('needs a preset number');
    const missing = await cli('camera', path.join(dir, 'nothing'), 'stop');
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('No such file or directory. Check the path, the cable');
  });
});
