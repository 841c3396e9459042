// Browser-mode entry: runs the station's services in Node and serves them on 127.0.0.1.
// Started by `npm start` when the Electron binary is missing, or directly: node out/main/host.cjs [--open]
import os from 'node:os';
import path from 'node:path';
import { resolveDataDir } from '../platform/data-dir';
import { createLogger } from '../platform/logger';
import { hubSettingsFromEnv } from '../platform/hub/hub-settings';
import { oidcSettingsFromEnv } from '../identity/oidc-settings';
import { communesFile } from '../activity/commune-places';
import { pacsUrlFromEnv } from '../imaging/pacs-settings';
import { insiSettingsFromEnv } from '../patients/insi/insi-settings';
import { diskReserveFromEnv } from '../platform/disk/disk-settings';
import { loadDeviceSetup } from '../devices/device-config';
import { createStation } from '../station';
import { backupsKeptFromEnv } from '../platform/database/database-settings';
import { reminderMinutesFromEnv } from '../scheduling';
import { supportContactFromEnv } from '../station/support-contact';
import type { StationStatus } from '../../shared/station/station';
import { appResourcesDir } from '../platform/app-resources';
import { PortInUseError, startHost } from './host-server';
import { startEmbeddedHub, type EmbeddedHub } from './embedded-hub';
import { openInChromium } from './open-browser';

const DEFAULT_PORT = 4780;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`RELAIS_PORT must be a port number (0-65535), not "${raw}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const logger = createLogger();
  const dataDir = resolveDataDir({ env: process.env, platform: process.platform, home: os.homedir() });
  const port = parsePort(process.env.RELAIS_PORT);
  const devices = loadDeviceSetup(dataDir, process.env);
  const hubSettings = hubSettingsFromEnv(process.env);
  // Without a regional hub configured, the embedded defaults run one in-process on loopback.
  // The app's resources/ folder (device profiles, the embedded hub's offers), found the one way.
  const resourcesDir = appResourcesDir(__dirname);
  const embedded: EmbeddedHub | null = hubSettings.hubUrl ? null : await startEmbeddedHub(resourcesDir);
  const oidc = oidcSettingsFromEnv(process.env);
  const station = createStation({
    dataDir,
    mode: 'browser',
    logger,
    devices,
    resourcesDir,
    hubUrl: embedded?.hub.url ?? hubSettings.hubUrl,
    hubToken: embedded?.stationToken ?? hubSettings.hubToken,
    icePolicy: hubSettings.icePolicy,
    fhirUrl: embedded ? embedded.hub.fhirUrl : hubSettings.fhirUrl,
    uploadsUrl: embedded ? embedded.hub.uploadsUrl : hubSettings.uploadsUrl,
    pacsUrl: pacsUrlFromEnv(process.env),
    insi: insiSettingsFromEnv(process.env),
    backupsKept: backupsKeptFromEnv(process.env),
    reminderMinutes: reminderMinutesFromEnv(process.env),
    supportContact: supportContactFromEnv(process.env),
    oidc,
    // No OS keychain in browser mode: the data key sits in a file beside the data folder (weaker).
    dataKeyFile: process.env.RELAIS_DATA_KEY_FILE || null,
    communesFile: communesFile(process.env, dataDir),
    // Beside this bundle: out/main/imaging-worker.cjs.
    imagingWorker: path.join(__dirname, 'imaging-worker.cjs'),
    disk: { reserveBytes: diskReserveFromEnv(process.env) },
  });
  // The renderer sits beside the built main bundle: out/main/host.cjs -> out/renderer.
  const rendererRoot = path.resolve(__dirname, '..', 'renderer');
  let host;
  try {
    host = await startHost({ station, rendererRoot, port, logger });
  } catch (error) {
    await station.close();
    throw error;
  }

  const out = process.stdout;
  out.write(`\nRelais — station en mode navigateur / browser mode\n`);
  out.write(`  Données / data: ${dataDir}\n`);
  const status = await station.dispatch('station.status', {});
  if (status.ok) {
    const { dataProtection } = status.value as StationStatus;
    out.write(
      `  Clé de chiffrement / data key: ${dataProtection.keyPath} (un fichier : plus faible que le trousseau du système, à sauvegarder à part / a file: weaker than the OS keychain, back it up apart)\n`,
    );
  }
  if (!oidc)
    out.write(
      '  Sans connexion des professionnels (RELAIS_NO_SIGN_IN=1) : toute personne devant cette station lit tous les dossiers. / No professional sign-in: anyone at this station reads every record.\n',
    );
  out.write(
    `  Serveur régional / hub: ${embedded ? `${embedded.hub.url} (embarqué / embedded)` : hubSettings.hubUrl}\n`,
  );
  out.write(
    `  Appareils / devices: ${devices.mode === 'simulated' ? 'simulés / simulated (no devices.json)' : devices.mode === 'none' ? 'aucun / none (RELAIS_DEVICES=none)' : 'devices.json'}\n`,
  );
  out.write(`  Ouvrez cette adresse / open this address (it holds this run's key):\n`);
  out.write(`Relais station ready: ${host.url}\n`);
  if (process.argv.includes('--open')) {
    const outcome = openInChromium(host.url, path.join(dataDir, 'browser-profile'));
    if (outcome.opened) out.write(`  Ouvert dans / opened in ${outcome.browser}\n`);
    else if (outcome.reason === 'no_display')
      out.write(
        "  Pas d'écran graphique : ouvrez l'adresse ci-dessus dans Chromium. / No display: open the address above in Chromium.\n",
      );
    else
      out.write(
        "  Chromium introuvable (apt-get install chromium) : ouvrez l'adresse dans un navigateur. / Chromium not found: open the address in a browser.\n",
      );
  }
  if (embedded) {
    // A second station on this machine, as the expert: calls can be tried without a region.
    out.write(
      '  Pour essayer un appel, lancez un poste expert dans un autre terminal / to try a call, start an expert station in another terminal:\n',
    );
    out.write(
      `    RELAIS_DATA_DIR=${path.join(os.tmpdir(), 'relais-expert')} RELAIS_NO_SIGN_IN=1 RELAIS_PORT=0 RELAIS_DEVICES=none RELAIS_HUB_URL=${embedded.hub.url} RELAIS_HUB_TOKEN=${embedded.expertToken} node out/main/host.cjs --open\n`,
    );
  }
  out.write('  Ctrl+C pour arrêter / to stop.\n\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('host.stopping', { signal });
    await host.close();
    await station.close();
    await embedded?.hub.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof PortInUseError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nRelais could not start / n'a pas pu démarrer:\n  ${message}\n`);
  process.exit(1);
});
