// Which kind of station this is. An expert's: her hub token says so (known at start, offline too),
// or the hub's welcome does. The region's coordination: likewise, its token or the hub's welcome. A
// pharmacy cabin: the pharmacist made it one (its kiosk PIN is set). Otherwise a cart, the
// requesting site. Only what is shown depends on it: the channels each screen uses keep their own
// checks in main.
import { useStation } from './features/station/station-store';
import { useKiosk } from './features/kiosk/kiosk-store';
import { useCalls } from './webrtc/call-store';
import type { StationRole } from './ui/station-role';

export function useStationRole(): StationRole {
  const holder = useStation((s) => s.status?.hub.token?.holder ?? null);
  const hubRole = useCalls((s) => s.hub.you?.role ?? null);
  const cabin = useKiosk((s) => s.state?.pinSet === true);
  if (holder === 'expert' || hubRole === 'expert') return 'expert';
  if (holder === 'coordinator' || hubRole === 'coordinator') return 'coordinator';
  return cabin ? 'cabin' : 'cart';
}
