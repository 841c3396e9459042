// The station's name as its screens show it: the name and site the regional IT gave this station
// in its hub token ("Chariot EHPAD 3 (EHPAD Les Tilleuls)"), never the machine's host name ("vm",
// "PC-CHARIOT-07" mean nothing to a clinician and are an internal name on a screen). The host name
// stays in the audit trail and the logs, where the IT looks for the machine.
import type { Peer } from '../../shared/hub-protocol';

/** Before the hub answers, or without a hub: a plain name rather than an internal one. */
export const STATION_NAME_DEFAULT = 'Poste de téléconsultation';

export function stationDisplayName(you: Pick<Peer, 'name' | 'site'> | null): string {
  const name = you?.name.trim();
  const site = you?.site.trim();
  if (!name) return site || STATION_NAME_DEFAULT;
  return (site && site !== name ? `${name} (${site})` : name).slice(0, 200);
}
