// The station's link to the regional hub as the home screen shows it. The signaling client
// (calls issue) drives it; with no hub address configured it says so.
import type { StationStatus } from '../../../shared/station/station';

export type HubState = StationStatus['hub'];

export interface HubLink {
  state(): HubState;
  set(state: HubState): void;
}

export function createHubLink(url: string | null, onChange: () => void): HubLink {
  let current: HubState = { state: url ? 'offline' : 'not_configured', url };
  return {
    state: () => current,
    set(next) {
      current = next;
      onChange();
    },
  };
}
