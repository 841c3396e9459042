// The name the cabin shows its patients (welcome screen, header) and records as the act's site:
// the site the regional IT gave this station in its hub token (the pharmacy's name), never the
// machine's host name ("vm", "PC-PHARMA-07" mean nothing to a patient).
import type { Peer } from '../../shared/hub-protocol';

/** Without a hub identity (no hub, not yet connected): a plain name rather than an internal one. */
export const CABIN_SITE_DEFAULT = 'Cabine de téléconsultation';

export function cabinSiteName(you: Pick<Peer, 'site' | 'name'> | null): string {
  const site = you?.site.trim();
  return site ? site.slice(0, 200) : CABIN_SITE_DEFAULT;
}
