// Reads the acts the activity report counts, with the two communes their transport estimate
// needs (the patient's residence, the expert site's). Read-only.
import type { Encounter } from '../../shared/acts/encounter';
import type { Db } from '../platform/database/connection';

export interface ActivityActRow {
  act: Encounter['act'];
  specialty: string | null;
  status: Encounter['status'];
  startedAt: string;
  endedAt: string | null;
  patientCommune: string | null;
  siteCommune: string | null;
}

export interface ActivityRepository {
  /** Acts started in [fromIso, toIso), oldest first. */
  startedBetween(fromIso: string, toIso: string): ActivityActRow[];
}

export function createActivityRepository(db: Db): ActivityRepository {
  // An act is activity once it has started (consent given, start stamped): in progress, awaiting
  // its report, or closed. A draft never took place, and a draft closed without starting is a
  // cancellation: neither has a start, so "started_at IS NOT NULL" leaves both out.
  const stmt = db.prepare<[string, string], ActivityActRow>(`
    SELECT e.act, e.specialty, e.status, e.started_at AS startedAt, e.ended_at AS endedAt,
      p.residence_code AS patientCommune, e.site_commune AS siteCommune
    FROM encounters e JOIN patients p ON p.id = e.patient_id
    WHERE e.started_at IS NOT NULL AND e.status IN ('in_progress', 'awaiting_report', 'closed')
      AND e.started_at >= ? AND e.started_at < ?
    ORDER BY e.started_at`);
  return { startedBetween: (fromIso, toIso) => stmt.all(fromIso, toIso) };
}
