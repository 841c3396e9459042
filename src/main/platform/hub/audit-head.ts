// Asks the hub for the last audit row it acknowledged for this station (GET /audit/head): the
// region's own copy, which a person holding the station's files cannot rewrite. The hub answers
// for the token's subject only, one chain per station name (an expert may use two workstations).
import { z } from 'zod';
import { tokenRefreshUrl } from './hub-token';

export const AUDIT_HEAD_PATH = '/audit/head';

const AuditHeadsSchema = z.object({
  chains: z.array(
    z.object({ site: z.string(), seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});

/** This station's chain at the region (seq 0 and hash null: none), and the token's other chains. */
export interface RegionAuditHead {
  seq: number;
  hash: string | null;
  otherSites: { site: string; seq: number }[];
}

/** Beside the hub's other paths (its token refresh path); null when the region has no hub. */
export function auditHeadUrl(hubUrl: string | null | undefined, fhirUrl: string | null | undefined): string | null {
  const refresh = tokenRefreshUrl(hubUrl, fhirUrl);
  return refresh ? new URL(AUDIT_HEAD_PATH, refresh).toString() : null;
}

/** The region's last acknowledged row of the station named `site`; throws with the reason in words when it cannot be had. */
export async function fetchAuditHead(
  url: string,
  token: string,
  site: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<RegionAuditHead> {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new Error(`the hub did not answer: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new Error(`the hub answered ${response.status}`);
  const parsed = AuditHeadsSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error('the hub’s answer is not a list of audit chains');
  const mine = parsed.data.chains.find((c) => c.site === site);
  const otherSites = parsed.data.chains
    .filter((c) => c.site !== site)
    .map(({ site: other, seq }) => ({ site: other, seq }));
  return { seq: mine?.seq ?? 0, hash: mine?.hash ?? null, otherSites };
}
