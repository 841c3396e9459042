// Issue 19, point 9: one resolver for the app's resources/ folder, whatever the layout the code
// runs from: the source tree, the build (an entry or a shared chunk) and the package (app.asar).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResourcesDir } from '../../../src/main/platform/app-resources';

const root = path.resolve(__dirname, '../../..');

describe('appResourcesDir', () => {
  it('finds resources/ at the repository root from the source tree', () => {
    expect(appResourcesDir(path.join(root, 'src/main/platform'))).toBe(path.join(root, 'resources'));
    expect(fs.existsSync(path.join(appResourcesDir(path.join(root, 'src/main')), 'devices/usb-profiles.json'))).toBe(
      true,
    );
  });

  it('gives the same folder from a built entry and from a shared chunk one level deeper', () => {
    expect(appResourcesDir(path.join(root, 'out/main'))).toBe(path.join(root, 'resources'));
    expect(appResourcesDir(path.join(root, 'out/main/chunks'))).toBe(path.join(root, 'resources'));
  });

  it('stops at app.asar in the package, never at the installation folder above it', () => {
    // What electron-builder packs: package.json and resources/ at the archive's top.
    const app = '/opt/Relais/resources/app.asar';
    const archive = new Set([
      `${app}/package.json`,
      `${app}/resources/devices/usb-profiles.json`,
      '/opt/Relais/package.json',
    ]);
    const exists = (file: string) => archive.has(file);
    expect(appResourcesDir(`${app}/out/main/chunks`, exists)).toBe(`${app}/resources`);
    expect(appResourcesDir(`${app}/out/main`, exists)).toBe(`${app}/resources`);
  });

  it('says to reinstall when no app root is found above the code', () => {
    expect(() => appResourcesDir('/nowhere/out/main', () => false)).toThrow(
      /resources\/ folder cannot be found \(reinstall Relais\)/,
    );
  });
});
