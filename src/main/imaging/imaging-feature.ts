// The imaging feature as the station composes it: drives, dropped files and the PACS, on the
// platform's database, sealed store and events.
import type { StationPlatform } from '../platform/station-platform';
import { createStationImaging, type StationImagingDeps } from './imaging-handlers';

export interface ImagingFeatureDeps {
  patients: StationImagingDeps['patients'];
  encounters: StationImagingDeps['encounters'];
  calls: StationImagingDeps['calls'];
  roomFor: StationImagingDeps['roomFor'];
  imagingWorker: StationImagingDeps['imagingWorker'];
  pacsUrl: StationImagingDeps['pacsUrl'];
  onIdentityOverride: StationImagingDeps['onIdentityOverride'];
}

export function createImagingFeature(platform: StationPlatform, deps: ImagingFeatureDeps) {
  return createStationImaging({
    db: platform.db,
    dataDir: platform.dataDir,
    outbox: platform.outbox,
    now: platform.now,
    events: platform.events,
    store: platform.fileStore,
    sealer: platform.sealer,
    filesKey: platform.keys.files,
    roomFor: deps.roomFor,
    patients: deps.patients,
    encounters: deps.encounters,
    calls: deps.calls,
    imagingWorker: deps.imagingWorker,
    pacsUrl: deps.pacsUrl,
    onIdentityOverride: deps.onIdentityOverride,
  });
}
