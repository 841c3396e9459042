// Packaging (electron-builder): Linux AppImage and deb, Windows NSIS, the Electron fuses, what
// stays outside the ASAR, and the regional update server. One typed object the tests import.
// `npm run build && npx electron-builder --linux` picks this file up by its name.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';

type FuseOptionsV1 = NonNullable<Configuration['electronFuses']>;
import { updateFeedUrlFromEnv } from './src/main/electron/update-feed';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

// Every fuse Electron 45 has (@electron/fuses V1 wire), each set here rather than inherited, so
// an Electron upgrade never changes the app's security silently (a test lists them all).
export const fuses = {
  // SECURITY: ELECTRON_RUN_AS_NODE would turn the signed Relais binary into a plain Node.js
  // that runs any script with the app's identity. Relais forks no Node child process (its
  // decoder is a worker thread), so nothing needs it.
  runAsNode: false,
  // SECURITY: Chromium's cookie store is encrypted with the OS keychain key. The app sets no
  // cookie itself, but a page or a future login flow might: never in clear on the cart's disk.
  enableCookieEncryption: true,
  // SECURITY: NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) would let whoever sets the environment
  // preload code (--require) or trust their own CA in the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // SECURITY: --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process,
  // which holds the records, the hub token and the devices.
  enableNodeCliInspectArguments: false,
  // SECURITY: Electron checks app.asar against the hash embedded in the executable (Windows
  // and macOS; Electron has no such check on Linux, where the deb's files are root-owned).
  enableEmbeddedAsarIntegrityValidation: true,
  // SECURITY: only resources/app.asar is loaded, never a resources/app folder someone drops
  // beside it, so the integrity check above cannot be sidestepped.
  onlyLoadAppFromAsar: true,
  // SECURITY: one V8 snapshot for every process, the one Electron ships; Relais has no
  // browser-specific snapshot, so no extra file that could be swapped is ever looked for.
  loadBrowserProcessSpecificV8Snapshot: false,
  // SECURITY: the app is served from app:// (protocol.ts), never file://; file:// pages get no
  // privileges beyond a browser's.
  grantFileProtocolExtraPrivileges: false,
} as const satisfies Required<Omit<FuseOptionsV1, 'resetAdHocDarwinSignature'>>;

// Native modules (.node files) cannot be loaded from inside an archive: the OS loader opens a
// real file. These packages carry one (better-sqlite3-multiple-ciphers; serialport's bindings; node-hid).
export const nativeModules = ['better-sqlite3-multiple-ciphers', '@serialport/bindings-cpp', 'node-hid'] as const;

// Native packages pulled in by a dependency that the app never loads: left out of the package.
export const notShipped = ['@rollup/rollup-linux-x64-gnu'] as const;

// The update server is part of the build: electron-builder writes it into app-update.yml.
const feed = updateFeedUrlFromEnv(process.env);
if (!feed.ok) throw new Error(`electron-builder.ts: ${feed.reason} (RELAIS_UPDATE_URL)`);

// The name on the Windows code-signing certificate. electron-updater refuses an update whose
// installer is not signed by this name (see auto-update.ts); a region sets its own.
export const windowsPublisherName = process.env.RELAIS_WIN_PUBLISHER ?? 'Relais';

const config: Configuration = {
  appId: 'fr.relais.station',
  productName: 'Relais',
  // Linux executable and package name: lowercase, no space.
  executableName: 'relais',
  directories: { output: 'dist', buildResources: 'resources/build' },
  files: [
    'out/**',
    'resources/**',
    'package.json',
    // SECURITY: no source maps in the package: they would hand over the sources and are not
    // needed to run (crash reports are symbolicated from the build machine's copy).
    '!**/*.map',
    // The build's Linux installer files are used by the deb, not by the running app.
    '!resources/linux/**',
    // jpeg-lossless-decoder-js lists rollup's native binary as an optional dependency (a
    // packaging slip of that library): the app never loads it, so it is not shipped.
    ...notShipped.map((name) => `!**/node_modules/${name}/**`),
  ],
  extraResources: [
    // The udev rules and the kiosk auto-start file, for the technician (docs/cart-install.md).
    { from: 'resources/linux', to: 'linux', filter: ['*.rules', '*.desktop'] },
  ],
  asar: true,
  // SECURITY: only what must be a real file leaves the archive, so the rest stays under the
  // ASAR integrity check. The imaging worker and the codecs' .wasm stay inside: Electron reads
  // ASAR from worker threads (since Electron 19) and the codecs read their .wasm with fs.
  asarUnpack: [...nativeModules.map((name) => `**/node_modules/${name}/**`), '**/*.node'],
  // Native modules are rebuilt against Electron's headers when the app is packaged (Electron's
  // ABI is not Node's), from their sources rather than downloaded prebuilt binaries.
  npmRebuild: true,
  buildDependenciesFromSource: true,
  nodeGypRebuild: false,
  // SECURITY: an unsigned Windows installer is never produced (Linux packages are not signed
  // by electron-builder: the deb is meant for a signed apt repository, see the docs).
  forceCodeSigning: true,
  electronFuses: fuses,
  publish: [{ provider: 'generic', url: feed.url, channel: 'latest' }],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'MedicalSoftware',
    maintainer: 'Relais <support@relais.invalid>',
    synopsis: 'Station de téléconsultation',
  },
  deb: {
    // The serial and HID permissions for the station's devices, installed where udev reads them;
    // udev picks a new rules file up at the next plug (or `udevadm trigger`).
    fpm: [`${path.join(projectDir, 'resources/linux/99-relais-devices.rules')}=/usr/lib/udev/rules.d/99-relais-devices.rules`],
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0', 'libudev1', 'udev'],
  },
  win: {
    target: ['nsis'],
    // SECURITY: electron-updater checks the downloaded installer's Authenticode signature
    // against this publisher before running it (default true; written so it cannot drift).
    verifyUpdateCodeSignature: true,
    signtoolOptions: { publisherName: [windowsPublisherName] },
  },
  nsis: {
    oneClick: false,
    // SECURITY: installed for all users under Program Files, which a user cannot write to, so
    // a user cannot swap the app's files.
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: false,
    deleteAppDataOnUninstall: false,
  },
};

export default config;
