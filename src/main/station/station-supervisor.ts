// Keeps one station running on its data folder, and starts it again around a change of its
// database file: a person's decision for a held database (a backup restored, an empty database on
// purpose) replaces the file every service has open, so the services are stopped, the work done,
// and a new station built on the new file. The bindings (IPC, WebSocket) hold this object: calls
// made meanwhile wait, and the new station's events reach them as the old one's did.
import type { EventName } from '../../shared/contract';
import { AppFailure } from '../contract/failure';
import type { Station } from '../station';
import { createStationEvents } from '../platform/station-events';

/** Stops the running station, does `work` on its data folder, starts a new one, and gives back what the work gave. */
export type Restart = <T>(work: () => Promise<T>) => Promise<T>;

export function superviseStation(build: (restart: Restart) => Station): Station {
  const events = createStationEvents();
  let current: Station;
  let unpipe: () => void = () => {};
  let switching: Promise<unknown> | null = null;

  function start(): void {
    current = build(restart);
    unpipe = current.events.onAny((name, payload) => events.emit(name as EventName, payload as never));
  }

  /** What the page shows comes from the new station: its status and who is signed in (a restart signs out). */
  async function announce(): Promise<void> {
    const status = await current.dispatch('station.status', {});
    if (status.ok) events.emit('station.statusChanged', status.value as never);
    const identity = await current.dispatch('identity.state', {});
    if (identity.ok) events.emit('identity.changed', identity.value as never);
  }

  async function restart<T>(work: () => Promise<T>): Promise<T> {
    if (switching)
      throw new AppFailure('validation_failed', 'The station is already changing its database: wait for it to finish.');
    const run = (async () => {
      unpipe();
      await current.close();
      try {
        return await work();
      } finally {
        // Whatever the work did, a station runs again: on the new file, or held again on the old one.
        start();
      }
    })();
    switching = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      switching = null;
      await announce();
    }
  }

  start();
  return {
    async dispatch(channel, payload, origin) {
      if (switching) await switching;
      return current.dispatch(channel, payload, origin);
    },
    events,
    get devicesReady() {
      return current.devicesReady;
    },
    busyState: () => current.busyState(),
    async close() {
      if (switching) await switching;
      unpipe();
      await current.close();
    },
  };
}
