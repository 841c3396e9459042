// The activity a GCS coordinator follows, for this station: its acts by month, type and
// specialty, their minutes, and the transport they avoided from the patient's commune to the
// expert's site, with the method and the reason for every act left without an estimate.
import type { ActivityQuery, ActivityReport, KmMissing } from '../../shared/activity/activity-report';
import type { CommuneTable } from '../../shared/activity/commune-table';
import { dayInFrance } from '../../shared/france-time';
import { monthlyActivity, type ActivityAct } from '../../shared/activity/monthly-activity';
import {
  BETWEEN_COMMUNE_CENTRES,
  BETWEEN_TOWN_HALLS,
  ROAD_DETOUR_FACTOR,
  transportAvoided,
  type TransportAvoided,
} from '../../shared/activity/transport-avoided';
import type { ActivityActRow, ActivityRepository } from './activity-repository';
import type { CommunePlaces } from './commune-places';

export interface ActivityServiceDeps {
  activity: ActivityRepository;
  places: CommunePlaces;
  stationName: string;
}

type Reason = keyof KmMissing;

function estimate(row: ActivityActRow, table: CommuneTable | null): TransportAvoided | Reason {
  if (!row.patientCommune) return 'patientCommune';
  if (!row.siteCommune) return 'siteCommune';
  if (!table) return 'noTable';
  const from = table.places.get(row.patientCommune);
  const to = table.places.get(row.siteCommune);
  return from && to
    ? transportAvoided(
        from,
        to,
        ROAD_DETOUR_FACTOR,
        table.reference === 'mairie' ? BETWEEN_TOWN_HALLS : BETWEEN_COMMUNE_CENTRES,
      )
    : 'notInTable';
}

export function createActivityService({ activity, places, stationName }: ActivityServiceDeps) {
  return {
    monthly({ from, to }: ActivityQuery): ActivityReport {
      // Months are France's: an act at 00:30 in Paris on 1 November is November's, whatever UTC
      // says. A day of margin each side in UTC, then each act is placed in its French month.
      const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
      const fromIso = new Date(Date.parse(`${from}-01T00:00:00Z`) - 86_400_000).toISOString();
      const toIso = new Date(Date.UTC(toYear, toMonth, 2)).toISOString();
      const { coordinates, table } = places.current();
      const kmMissing: KmMissing = { patientCommune: 0, siteCommune: 0, noTable: 0, notInTable: 0 };
      const acts: ActivityAct[] = [];
      for (const row of activity.startedBetween(fromIso, toIso)) {
        const month = dayInFrance(row.startedAt).slice(0, 7);
        if (month < from || month > to) continue;
        const avoided = estimate(row, table);
        if (typeof avoided === 'string') kmMissing[avoided]++;
        acts.push({
          act: row.act,
          specialty: row.specialty,
          status: row.status,
          startedAt: row.startedAt,
          endedAt: row.endedAt,
          avoided: typeof avoided === 'string' ? null : avoided,
        });
      }
      const { rows, method } = monthlyActivity(acts);
      return { station: stationName, from, to, rows, method, kmMissing, coordinates };
    },
  };
}
