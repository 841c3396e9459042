// The region of the scheduling integration tests: a real hub with one dermatology offer served by
// Dr Le Goff (dermToken), a TCP proxy in front of it that a test cuts to take a station off the
// region, and stations opened on their own data folders with fast sync timings.
import { startHub } from '../../src/hub/server';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import { contractValue as value } from './contract-value';
import { anOffer } from './offers';
import { startTcpProxy } from './tcp-proxy';
import { SECRET, eventually } from './teleexpertise';

export const DERMATOLOGY_OFFER = 'derm';

type Cleanup = (cleanup: () => Promise<unknown> | unknown) => void;

export async function startDermatologyRegion(cleanup: Cleanup, tempDir: () => string) {
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [anOffer({ id: DERMATOLOGY_OFFER, specialty: 'Dermatologie', experts: ['dr-le-goff'] })],
  });
  cleanup(() => hub.close());
  const proxy = await startTcpProxy(hub.port);
  cleanup(() => proxy.close());
  /** The same hub address, through the proxy. */
  const viaProxy = (url: string) => url.replace(`:${hub.port}/`, `:${proxy.port}/`);
  const dataDirs = new Map<string, string>();

  /** A station signed in with this token, reaching the hub's socket and FHIR endpoint at these addresses. */
  const openStation = (token: string, urls: { hub?: string; fhir?: string } = {}): Station => {
    const dataDir = tempDir();
    dataDirs.set(token, dataDir);
    const station = createStation({
      dataDir,
      mode: 'browser',
      logger: silentLogger,
      hubUrl: urls.hub ?? hub.url,
      hubToken: token,
      fhirUrl: urls.fhir ?? hub.fhirUrl,
      syncTiming: { debounceMs: 5, intervalMs: 200, pullIntervalMs: 300 },
    });
    cleanup(() => station.close());
    return station;
  };

  const untilOnline = async (...stations: Station[]) => {
    for (const station of stations)
      await eventually(
        () => value(station, 'calls.hub', {}),
        (h) => h.link === 'online',
        'online',
      );
  };

  return { hub, proxy, viaProxy, dataDirs, openStation, untilOnline };
}
