// Reads back from the regional server everything of one type this station's token may read,
// page by page by _lastUpdated (as the pull does), for a database a person chose to restore or to
// start again. The region's access rules answer a station only what it wrote (src/hub/fhir-access.ts).
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FhirClient } from '../../sync';

const PAGE = 500;
const MAX_PAGE = 4000;

export class RegionUnreachableError extends Error {
  override name = 'RegionUnreachableError';
}

type Dated = Resource & { id: string; meta: { lastUpdated: string } };
const isDated = (r: Resource | undefined, type: string): r is Dated =>
  !!r && r.resourceType === type && typeof r.id === 'string' && typeof r.meta?.lastUpdated === 'string';

/** Every resource of `type` updated at or after `since` (all of them when null), each once. */
export async function searchRegion(client: FhirClient, type: string, since: string | null): Promise<Dated[]> {
  const found = new Map<string, Dated>();
  let from = since;
  let pageSize = PAGE;
  for (;;) {
    const query: Record<string, string> = { _sort: '_lastUpdated', _count: String(pageSize) };
    if (from) query._lastUpdated = `ge${from}`;
    let answer;
    try {
      answer = await client.search(type, query);
    } catch (error) {
      throw new RegionUnreachableError(`the regional server could not be reached (${(error as Error).message})`);
    }
    const bundle = answer.resource as Bundle | null;
    if (answer.status !== 200 || bundle?.resourceType !== 'Bundle')
      throw new RegionUnreachableError(`the regional server answered ${answer.status} to the search for ${type}`);
    const page = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Dated => isDated(r, type));
    for (const resource of page) found.set(resource.id, resource);
    if ((bundle.entry?.length ?? 0) < pageSize) return [...found.values()];
    const last = page.at(-1)?.meta.lastUpdated;
    if (last && last !== from)
      from = last; // the next page starts at the last time seen; repeats are kept once by id
    else if (pageSize < MAX_PAGE)
      pageSize *= 2; // a whole page at one instant: widen it to get past
    else
      throw new RegionUnreachableError(
        `more than ${MAX_PAGE} ${type} resources share one update time on the regional server`,
      );
  }
}
