// Audit rows summed up in words for a person: "3 patients created, 1 act updated, 12 reads".
// Used to say what a decision lost (rows only the replaced database held) and what the region
// holds that the station does not take back (rows the region gave back).
import Database from 'better-sqlite3';
import type { AuditRow } from '../../audit';
import { unlockDatabase } from '../../platform/database/connection';

const KINDS: Record<string, [string, string]> = {
  patient: ['patient', 'patients'],
  encounter: ['act', 'acts'],
  observation: ['measurement', 'measurements'],
  consent: ['consent', 'consents'],
  report: ['report', 'reports'],
  attachment: ['file', 'files'],
  imaging_study: ['imaging study', 'imaging studies'],
  call_chat: ['call message', 'call messages'],
  expertise_message: ['téléexpertise message', 'téléexpertise messages'],
  stroke_sheet: ['stroke sheet', 'stroke sheets'],
  sync_conflict: ['conflict settled', 'conflicts settled'],
};
const DONE: Partial<Record<AuditRow['action'], string>> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  export: 'exported',
};

const kind = (entity: string | null, n: number) => {
  const words = KINDS[entity ?? ''] ?? [entity ?? 'record', `${entity ?? 'record'}s`];
  return n === 1 ? words[0] : words[1];
};

/** Writes first ("3 patients created"), then reads and other events, each group once. */
export function summariseEvents(rows: readonly Pick<AuditRow, 'action' | 'entityType' | 'outcome'>[]): string[] {
  const writes = new Map<string, number>();
  let reads = 0;
  let others = 0;
  for (const row of rows) {
    if (row.outcome !== 'success') continue;
    const done = DONE[row.action];
    if (done) writes.set(`${row.entityType ?? ''}|${done}`, (writes.get(`${row.entityType ?? ''}|${done}`) ?? 0) + 1);
    else if (row.action === 'read') reads++;
    else others++;
  }
  const lines = [...writes].map(([key, n]) => {
    const [entity, done] = key.split('|') as [string, string];
    return `${n} ${kind(entity || null, n)} ${done}`;
  });
  if (reads > 0) lines.push(`${reads} ${reads === 1 ? 'read' : 'reads'} of records`);
  if (others > 0) lines.push(`${others} other ${others === 1 ? 'event' : 'events'} (calls, sign-ins, grants)`);
  return lines;
}

/** Records made at the region that this station does not take back (not patients or acts), by kind. */
export function madeElsewhereThanRecords(rows: readonly AuditRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    if (
      row.action !== 'create' ||
      row.outcome !== 'success' ||
      row.entityType === 'patient' ||
      row.entityType === 'encounter' ||
      !row.entityType
    )
      continue;
    const name = kind(row.entityType, 2);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** The rows after `afterSeq` of a database file kept aside, when they can still be read; null otherwise. */
export function rowsOfFileAfter(file: string, key: Buffer, afterSeq: number): AuditRow[] | null {
  try {
    const db = unlockDatabase(new Database(file, { readonly: true, fileMustExist: true }), key);
    try {
      const rows = db
        .prepare('SELECT action, entity_type AS entityType, outcome, seq FROM audit_events WHERE seq > ? ORDER BY seq')
        .all(afterSeq);
      return rows as AuditRow[];
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
