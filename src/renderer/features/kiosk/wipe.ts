// The end of a cabin session: every trace of the patient the page can reach is removed, then the
// page reloads so that nothing stays in its memory (stores, React state, decoded images). The
// record itself is safe in the station's database and outbox; this only clears the screen side.
// Under Electron the shell also wipes Chromium's HTTP cache and storage (kiosk-window.ts).
import { TOKEN_KEY } from '../../browser-mode-client';
import { carryPharmacist } from './cabin-pharmacist-carry';

const createdBlobUrls = new Set<string>();

/** Called once at start: remembers every blob: URL the page makes, so the wipe can revoke them. */
export function trackBlobUrls(): void {
  const create = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = create(object);
    createdBlobUrls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    createdBlobUrls.delete(url);
    revoke(url);
  };
}

function stopMedia(): void {
  for (const element of document.querySelectorAll<HTMLMediaElement>('video, audio')) {
    const stream = element.srcObject;
    if (stream instanceof MediaStream) for (const track of stream.getTracks()) track.stop();
    element.pause();
    element.srcObject = null;
    element.removeAttribute('src');
    element.load();
  }
}

function clearStorage(): void {
  // Browser mode keeps the station's key for this tab in sessionStorage: it is the station's, not
  // the patient's, and without it the page could not reconnect after the reload.
  const stationKey = window.sessionStorage.getItem(TOKEN_KEY);
  window.sessionStorage.clear();
  if (stationKey) window.sessionStorage.setItem(TOKEN_KEY, stationKey);
  // The pharmacist's shift goes on with the next patient: she is not asked who she is again.
  carryPharmacist(window.sessionStorage);
  window.localStorage.clear();
}

async function clearDatabases(): Promise<void> {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve) => {
          if (!name) return resolve();
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

async function clearCaches(): Promise<void> {
  if (!('caches' in window)) return;
  for (const key of await caches.keys()) await caches.delete(key);
}

export async function wipePatientTraces(): Promise<void> {
  window.speechSynthesis?.cancel();
  stopMedia();
  for (const url of createdBlobUrls) URL.revokeObjectURL(url);
  clearStorage();
  await Promise.allSettled([clearDatabases(), clearCaches()]);
  document.title = 'Relais';
  window.location.reload();
}
