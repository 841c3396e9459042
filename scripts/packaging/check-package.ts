// CI: runs `electron-builder --dir --linux` on the built app with a stand-in Electron binary
// (the real one cannot be downloaded here), then checks what came out: the fuses flipped in the
// binary, the ASAR's content, what was unpacked, the update feed. Prints what it could not check.
// Usage (after `npm run build`): npx tsx scripts/packaging/check-package.ts [output dir]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { readBuilderConfig } from './builder-config';
import { feedUrlFromAppUpdateYml } from '../../src/main/electron/update-feed';
import { appResourcesDir } from '../../src/main/platform/app-resources';

const root = path.resolve(import.meta.dirname, '../..');
// The configuration electron-builder packs with below: electron-builder.yml, read by its loader.
const { file: configFile, config, fuses, notShipped } = await readBuilderConfig(root);
const work = process.argv[2]
  ? path.resolve(process.argv[2])
  : fs.mkdtempSync(path.join(os.tmpdir(), 'relais-package-'));
const failures: string[] = [];
let passed = 0;
const check = (ok: boolean, what: string) => {
  if (ok) passed += 1;
  else failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

// The fuse wire as Electron ships it (its defaults: RunAsNode on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, ASAR integrity off, only-ASAR off, browser snapshot off,
// file:// privileges on), behind @electron/fuses' sentinel: flipping it is then observable.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_WIRE = '10110001';
function standInElectron(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron for the package check"\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE, 'ascii'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), body, { mode: 0o755 });
}

if (!fs.existsSync(path.join(root, 'out/main/index.cjs'))) {
  console.error('check-package: out/ is missing: run `npm run build` first.');
  process.exit(2);
}
const electronDist = path.join(work, 'electron-dist');
const output = path.join(work, 'dist');
standInElectron(electronDist);

// npmRebuild off: rebuilding for Electron needs Electron's headers, downloaded from outside
// the npm registry. The native modules are packed as built for Node instead (said below).
const args = [
  'electron-builder',
  '--dir',
  '--linux',
  '--x64',
  `-c.electronDist=${electronDist}`,
  '-c.npmRebuild=false',
  `-c.directories.output=${output}`,
];
console.log(`$ npx ${args.join(' ')}`);
const run = spawnSync('npx', args, {
  cwd: root,
  encoding: 'utf8',
  timeout: 300_000,
  env: { ...process.env, CI: 'true' },
});
fs.writeFileSync(path.join(work, 'electron-builder.log'), `${run.stdout}\n${run.stderr}`);
check(
  run.status === 0 && `${run.stdout}${run.stderr}`.includes(`file=${path.join(root, configFile)}`),
  `electron-builder --dir loaded ${configFile}, validated it and packed the app (log: ${path.join(work, 'electron-builder.log')})`,
);
if (run.status !== 0) {
  console.log((run.stdout + run.stderr).split('\n').slice(-30).join('\n'));
  process.exit(1);
}

const appDir = path.join(output, 'linux-unpacked');
const resources = path.join(appDir, 'resources');
const archive = path.join(resources, 'app.asar');

// Fuses, read back from the packed binary.
const wire = await getCurrentFuseWire(path.join(appDir, config.executableName ?? 'relais'));
for (const [name, value] of Object.entries(fuses)) {
  const index = FuseV1Options[(name[0]!.toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options];
  const state = (wire as unknown as Record<number, number>)[index];
  check(state === (value ? 49 : 48), `fuse ${name} is ${value ? 'on' : 'off'} in the packed binary`);
}

// The archive.
const files = new Set(
  asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, '')),
);
const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
check(files.has(manifest.main), `package.json's main (${manifest.main}) is inside app.asar`);
for (const file of [
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/main/imaging-worker.cjs',
  'resources/devices/usb-profiles.json',
]) {
  check(files.has(file), `${file} is inside app.asar`);
}
// Resources as the packed code finds them (issue 19, point 9): appResourcesDir, the resolver the
// app runs, walked from every main-process file's folder in the archive (an entry or a chunk).
const inArchive = (file: string) => files.has(path.relative(archive, file).split(path.sep).join('/'));
const codeDirs = new Set(
  [...files].filter((f) => f.startsWith('out/main/') && f.endsWith('.cjs')).map((f) => path.posix.dirname(f)),
);
const hidProfiles = [...files].filter((f) => f.startsWith('resources/devices/hid/') && f.endsWith('.json'));
check(hidProfiles.length > 0, `${hidProfiles.length} HID profile(s) inside app.asar`);
for (const dir of codeDirs) {
  const found = path
    .relative(archive, appResourcesDir(path.join(archive, dir), inArchive))
    .split(path.sep)
    .join('/');
  check(
    found === 'resources' && files.has(`${found}/devices/usb-profiles.json`),
    `code in ${dir}/ finds the device profiles in app.asar/${found}/`,
  );
}
check(![...files].some((f) => f.endsWith('.map')), 'no source map in app.asar');
for (const name of notShipped)
  check(![...files].some((f) => f.startsWith(`node_modules/${name}/`)), `${name} is not shipped`);
check(![...files].some((f) => f.startsWith('src/') || f.startsWith('test/')), 'no sources or tests in app.asar');

// Native code out of the archive, and only native code.
const nodeFiles = [...files].filter((f) => f.endsWith('.node'));
check(nodeFiles.length > 0, `${nodeFiles.length} native .node files found`);
const notOut = nodeFiles.filter((f) => !fs.existsSync(path.join(resources, 'app.asar.unpacked', f)));
check(
  notOut.length === 0,
  `every .node file is in app.asar.unpacked${notOut.length ? ` (missing: ${notOut.join(', ')})` : ''}`,
);
const unpackedJs = [...files].filter(
  (f) => f.startsWith('out/') && fs.existsSync(path.join(resources, 'app.asar.unpacked', f)),
);
check(unpackedJs.length === 0, 'the app code (out/) stays inside the archive, under the ASAR integrity check');

// The imaging worker runs from inside the archive: it and the chunks it loads, followed from
// its own file, must find what they require in the archive too.
const workerRequires = new Set<string>();
const seenChunks = new Set<string>();
const follow = (file: string) => {
  if (seenChunks.has(file) || !files.has(file)) return;
  seenChunks.add(file);
  const text = asar.extractFile(archive, file).toString('utf8');
  for (const match of text.matchAll(/(?:require|import)\("([^"]+)"\)/g)) {
    const spec = match[1]!;
    if (spec.startsWith('.')) follow(path.posix.join(path.posix.dirname(file), spec));
    else workerRequires.add(spec);
  }
};
follow('out/main/imaging-worker.cjs');
check(seenChunks.size > 0, `the imaging worker loads ${seenChunks.size - 1} chunk(s) from the archive`);
for (const spec of workerRequires) {
  if (builtinModules.includes(spec.replace(/^node:/, '')) || spec === 'electron') continue;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  check(files.has(`node_modules/${name}/package.json`), `the worker's ${spec} is in app.asar`);
}
for (const codec of ['codec-charls', 'codec-libjpeg-turbo-8bit', 'codec-openjpeg']) {
  check(
    [...files].some((f) => f.startsWith(`node_modules/@cornerstonejs/${codec}/dist/`) && f.endsWith('.wasm')),
    `@cornerstonejs/${codec}'s .wasm is in app.asar`,
  );
}

// The update feed electron-updater will read, as the station reads it.
const feed = feedUrlFromAppUpdateYml(fs.readFileSync(path.join(resources, 'app-update.yml'), 'utf8'));
const published = (Array.isArray(config.publish) ? config.publish[0] : config.publish) as { url: string };
check(
  feed.ok && feed.url === published.url,
  `app-update.yml names the regional server over https (${feed.ok ? feed.url : feed.reason})`,
);
for (const file of ['linux/99-relais-devices.rules', 'linux/relais-autostart.desktop'])
  check(fs.existsSync(path.join(resources, file)), `resources/${file} is shipped for the technician`);

console.log(`
Not checked here (no Electron binary, no Windows, no signing keys):
- that Electron starts with these fuses and opens app.asar: the binary is a stand-in carrying only the fuse wire;
- the rebuild of native modules for Electron's ABI (npmRebuild needs Electron's headers): the .node files packed here are built for Node;
- ASAR integrity: electron-builder embeds the hash for Windows and macOS only, which were not built;
- the AppImage, the deb (fpm, the udev rules' install path) and the NSIS installer themselves: --dir stops before the targets;
- Windows code signing and electron-updater's publisher check on a real signed installer.`);
console.log(`package check: ${passed} checks ok, ${failures.length} failed`);
// The packed app (some 170 MB) is kept only when asked for (an output dir) or to look at a failure.
if (!process.argv[2] && failures.length === 0) fs.rmSync(work, { recursive: true, force: true });
process.exit(failures.length === 0 ? 0 : 1);
