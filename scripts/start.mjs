// `npm start`: opens the real Electron window when Electron's binary can be had, else falls
// back to browser mode (the station on 127.0.0.1, opened in Chromium) and says why.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireProjectNode } from './node-version.mjs';

requireProjectNode();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Requiring the electron package fetches its binary on first use; here that may fail fast
// (no internet) or take a while (first run on a connected machine).
function electronBinary() {
  if (process.env.RELAIS_BROWSER_MODE === '1') return { path: null, why: 'RELAIS_BROWSER_MODE=1' };
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  const binary = probe.stdout?.trim();
  if (probe.status === 0 && binary && fs.existsSync(binary)) return { path: binary, why: null };
  if (probe.error) return { path: null, why: `the electron package did not answer (${probe.error.message})` };
  if (probe.status === 0) return { path: null, why: `no Electron binary at ${binary || '(no path)'}` };
  // The download's own error says most ("fetch failed", "getaddrinfo ENOTFOUND ...").
  const errors = (probe.stderr || '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^(\w*Error|Error)\b|ENOTFOUND|ECONNREFUSED|fetch failed/.test(l));
  const cause = errors.find((l) => !l.includes('Electron failed to install')) ?? errors[0];
  return { path: null, why: `its binary could not be downloaded${cause ? `: ${cause}` : ''}` };
}

function startBrowserMode(why) {
  process.stdout.write(
    "\nElectron n'est pas disponible sur cette machine : Relais démarre en mode navigateur.\n" +
      'Electron is not available on this machine: Relais starts in browser mode.\n' +
      `  (${why})\n` +
      "  Le binaire d'Electron est téléchargé au premier lancement ; sans accès à Internet, le mode navigateur\n" +
      "  offre la même station, servie sur 127.0.0.1 uniquement. / Electron's binary is downloaded on first\n" +
      '  run; without internet access, browser mode gives the same station, served on 127.0.0.1 only.\n',
  );
  const host = spawn(process.execPath, [path.join(root, 'out/main/host.cjs'), '--open'], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => host.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  host.on('exit', (code) => process.exit(code ?? 0));
}

function startElectron(binary) {
  // Native modules are built for Node by `npm ci`; Electron needs them built for its own ABI.
  // electron-builder's own CLI on this very Node (not whichever `npx` and `node` come first on PATH).
  const cli = path.join(root, 'node_modules/electron-builder/cli.js');
  const rebuilt = spawnSync(process.execPath, [cli, 'install-app-deps'], { cwd: root, stdio: 'inherit' });
  if (rebuilt.status !== 0) {
    startBrowserMode('native modules could not be rebuilt for Electron');
    return;
  }
  fs.writeFileSync(path.join(root, 'node_modules/.relais-native-abi'), 'electron\n');
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

// The embedded defaults run without professional sign-in (no provider to sign in with): said here
// and on the home screen. An installed station refuses to start so unless its site sets it.
if (!process.env.RELAIS_OIDC_DISCOVERY_URL && !process.env.RELAIS_NO_SIGN_IN) {
  process.env.RELAIS_NO_SIGN_IN = '1';
  process.stdout.write(
    "\nValeurs par défaut embarquées : pas de fournisseur d'identité, RELAIS_NO_SIGN_IN=1 (toute personne devant la station lit tous les dossiers).\n" +
      'Embedded defaults: no identity provider, RELAIS_NO_SIGN_IN=1 (anyone at the station reads every record).\n',
  );
}

const electron = electronBinary();
if (electron.path) startElectron(electron.path);
else startBrowserMode(electron.why);
