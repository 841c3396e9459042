// The packaging config (electron-builder.yml) as electron-builder reads it: every fuse set as the
// issue asks, every native module out of the ASAR, no source maps, an https update server, signed
// Windows updates.
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { checkUpdateFeedUrl } from '../../../src/main/electron/update-feed';
import { readBuilderConfig } from '../../../scripts/packaging/builder-config';
import { nativePackages } from '../../../scripts/packaging/production-tree';

const root = path.resolve(__dirname, '../../..');
const { file, config, fuses, nativeModules, notShipped } = await readBuilderConfig(root);
const source = fs.readFileSync(path.join(root, file), 'utf8');

describe('the configuration file', () => {
  it('is electron-builder.yml at the top level, the only one electron-builder could pick up', () => {
    expect(file).toBe('electron-builder.yml');
    const others = [
      'electron-builder.yaml',
      'electron-builder.json',
      'electron-builder.json5',
      'electron-builder.toml',
      'electron-builder.js',
      'electron-builder.cjs',
      'electron-builder.ts',
    ];
    for (const other of others) expect(fs.existsSync(path.join(root, other)), other).toBe(false);
    expect(
      (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { build?: unknown }).build,
    ).toBeUndefined();
  });

  it('names hooks only from scripts/packaging/', () => {
    const hooks = [
      'beforeBuild',
      'beforePack',
      'afterExtract',
      'afterPack',
      'afterSign',
      'afterAllArtifactBuild',
      'artifactBuildStarted',
      'artifactBuildCompleted',
      'onNodeModuleFile',
    ] as const;
    for (const hook of hooks) {
      const value = (config as Record<string, unknown>)[hook];
      if (value !== undefined && value !== null) expect(String(value), hook).toMatch(/^\.\/scripts\/packaging\//);
    }
  });
});
const asList = <T>(value: T | T[] | null | undefined): T[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('Electron fuses', () => {
  // @electron/fuses (what electron-builder flips them with) names each fuse of the wire;
  // electron-builder's option is the same name in lowerCamelCase.
  const wire = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
  const optionName = (fuse: string) => fuse[0]!.toLowerCase() + fuse.slice(1);

  it('sets every fuse of the wire explicitly (none inherited from Electron)', () => {
    expect(wire.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(fuses).sort()).toEqual(wire.map(optionName).sort());
    for (const value of Object.values(fuses)) expect(typeof value).toBe('boolean');
    expect(Object.keys(config.electronFuses ?? {}).length).toBe(wire.length);
  });

  it.each([
    ['runAsNode', false],
    ['enableCookieEncryption', true],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
    ['loadBrowserProcessSpecificV8Snapshot', false],
  ] as const)('%s is %s', (name, value) => {
    expect(config.electronFuses?.[name]).toBe(value);
  });

  it('gives each fuse its reason in a SECURITY comment', () => {
    for (const name of Object.keys(fuses)) {
      const at = source.indexOf(`  ${name}: `);
      expect(at, name).toBeGreaterThan(0);
      const before = source.slice(0, at).split('\n').slice(-4).join('\n');
      expect(before, name).toContain('# SECURITY:');
    }
  });
});

describe('what leaves the ASAR', () => {
  const unpack = asList(config.asarUnpack);
  const files = asList(config.files) as string[];
  const unpacked = (file: string) => unpack.some((pattern) => minimatch(file, pattern, { dot: true }));
  const excluded = (file: string) =>
    files.some((pattern) => pattern.startsWith('!') && minimatch(file, pattern.slice(1), { dot: true }));

  it('packs the app into an ASAR', () => {
    expect(config.asar).toBe(true);
  });

  it('unpacks every native module the app ships, or leaves it out when the app never loads it', () => {
    const found = nativePackages(root).map((p) => p.name);
    expect(found).toEqual(expect.arrayContaining([...nativeModules]));
    for (const name of found) {
      const file = `node_modules/${name}/build/Release/addon.node`;
      expect(unpacked(file) || (excluded(file) && notShipped.includes(name)), name).toBe(true);
    }
  });

  it('unpacks any compiled .node file wherever it sits', () => {
    expect(unpacked('node_modules/some-new-native/prebuilds/linux-x64/thing.node')).toBe(true);
  });

  it('keeps the app code, the imaging worker and the codecs under the ASAR integrity check', () => {
    for (const file of [
      'out/main/index.cjs',
      'out/main/imaging-worker.cjs',
      'node_modules/@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.wasm',
    ]) {
      expect(unpacked(file), file).toBe(false);
    }
  });

  it('ships no source maps', () => {
    expect(files).toContain('!**/*.map');
    expect(excluded('out/main/index.cjs.map')).toBe(true);
    expect(excluded('node_modules/ws/lib/x.js.map')).toBe(true);
  });

  it('rebuilds native modules for Electron, from source, when packaging', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });
});

describe('targets, signing and updates', () => {
  it('builds an AppImage and a deb for Linux and an NSIS installer for Windows', () => {
    expect(asList(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(asList(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis?.perMachine).toBe(true);
  });

  it('publishes to the regional server over https (generic provider, for electron-updater)', () => {
    const publish = asList(config.publish) as { provider: string; url?: string }[];
    expect(publish).toHaveLength(1);
    expect(publish[0]!.provider).toBe('generic');
    expect(new URL(publish[0]!.url!).protocol).toBe('https:');
    // The rule the station applies to its app-update.yml: the placeholder passes it too.
    expect(checkUpdateFeedUrl(publish[0]!.url)).toEqual({ ok: true, url: publish[0]!.url });
  });

  it('signs Windows installers and has updates verified against the publisher name', () => {
    expect(config.forceCodeSigning).toBe(true);
    expect(config.win?.verifyUpdateCodeSignature).toBe(true);
    const names = asList(config.win?.signtoolOptions?.publisherName);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.trim()).not.toBe('');
  });

  it('has the deb install the udev rules where udev reads them', () => {
    const mapping = asList(config.deb?.fpm).find((arg) =>
      arg.endsWith('=/usr/lib/udev/rules.d/99-relais-devices.rules'),
    );
    expect(mapping).toBeDefined();
    // Relative to the project folder, where electron-builder runs fpm.
    expect(fs.existsSync(path.join(root, mapping!.split('=')[0]!))).toBe(true);
  });
});

describe('udev rules', () => {
  const rules = fs.readFileSync(path.join(root, 'resources/linux/99-relais-devices.rules'), 'utf8');
  const lines = rules.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const ids = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;

  it('gives every serial device profile its tty rule (dialout, 0660)', () => {
    const profiles = (
      ids(path.join(root, 'resources/devices/usb-profiles.json')) as {
        profiles: { bus: string; match: { vendorId: string; productId: string } }[];
      }
    ).profiles;
    const serial = profiles.filter((p) => p.bus === 'serial');
    expect(serial.length).toBeGreaterThan(0);
    for (const { match } of serial) {
      const line = lines.find(
        (l) =>
          l.includes(`ATTRS{idVendor}=="${match.vendorId}", ATTRS{idProduct}=="${match.productId}"`) &&
          l.startsWith('SUBSYSTEM=="tty"'),
      );
      expect(line, `${match.vendorId}:${match.productId}`).toMatch(/GROUP="dialout", MODE="0660"$/);
    }
  });

  it('gives every HID profile its hidraw rule (plugdev, 0660)', () => {
    const dir = path.join(root, 'resources/devices/hid');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { match } = ids(path.join(dir, file)) as { match: { vendorId: string; productId: string } };
      const line = lines.find(
        (l) =>
          l.startsWith('SUBSYSTEM=="hidraw"') &&
          l.includes(`ATTRS{idVendor}=="${match.vendorId}", ATTRS{idProduct}=="${match.productId}"`),
      );
      expect(line, file).toMatch(/GROUP="plugdev", MODE="0660"$/);
    }
  });

  it('never opens a device to every account', () => {
    for (const line of lines) expect(line).not.toMatch(/MODE="0?66[6-7]"|MODE="0?777"/);
  });
});
