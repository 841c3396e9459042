// The station's status for the home screen, loaded once and kept fresh by the station's events.
import { create } from 'zustand';
import type { StationStatus } from '../../../shared/station/station';
import type { AppError } from '../../../shared/result';
import { onLinkChange, relais, type LinkState } from '../../api';

interface StationState {
  status: StationStatus | null;
  error: AppError | null;
  link: LinkState;
  load(): Promise<void>;
}

export const useStation = create<StationState>((set) => ({
  status: null,
  error: null,
  link: 'online',
  async load() {
    const result = await relais.invoke('station.status', {});
    if (result.ok) set({ status: result.value, error: null });
    else set({ error: result.error });
  },
}));

relais.on('station.statusChanged', (status) => useStation.setState({ status }));
onLinkChange((link) => {
  useStation.setState({ link });
  // Back online (e.g. after the host restarted with the same key): refresh what is shown.
  if (link === 'online') void useStation.getState().load();
});
