// A person's decision for a held database, carried out while the station's services are stopped
// (station-supervisor.ts): the file that is replaced is kept aside (damaged/), a checked backup or an
// empty database takes its place (or the older one is kept), then the region gives back what the
// new database lacks: the audit rows after its last one (so the trail goes on from the region's),
// and the patients and acts this station wrote. The reads made while it was held, then the decision
// itself (who decided), are written to the audit trail; what is lost is counted and said.
import path from 'node:path';
import type { DatabaseDecision, RecoveryReport } from '../../../shared/station/database';
import { createAuditService, type UnwrittenAuditEvent, type Who } from '../../audit';
import { GENESIS_HASH, type AuditRow } from '../../audit';
import { AppFailure } from '../../contract/failure';
import { createAuditRepository } from '../../audit';
import { openDatabase, type Db } from '../../platform/database/connection';
import {
  backupPath,
  inspectDatabaseFile,
  moveAside,
  placeBackup,
  setAsideFolder,
} from '../../platform/database/database-backups';
import { createEncounterRepository } from '../../acts';
import { MIGRATIONS } from '../../platform/database/migrations';
import { createOutboxRepository } from '../../platform/database/outbox-repository';
import { createPatientRepository } from '../../patients';
import { createSyncRepository } from '../../sync';
import { clearHold, type DatabaseHold } from '../../platform/database/database-guard';
import { DATABASE_FILE } from '../../platform/security/data-key';
import { createFhirClient } from '../../sync';
import type { DatabaseSettings } from '../../platform/database/open-at-start';
import { ANCHOR_FILE } from '../../platform/database/open-at-start';
import { auditRowsFromRegion } from './audit-from-region';
import { madeElsewhereThanRecords, rowsOfFileAfter, summariseEvents } from './event-summary';
import { takeMissingRecords } from './records-from-region';
import { setAsideUnreferenced } from '../../platform/files/leftover-files';
import { RegionUnreachableError, searchRegion } from './region-search';

export const RECOVERY_STATE_KEY = 'database_recovery';
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the held station knows when a person decides. */
export interface HeldContext {
  hold: DatabaseHold;
  /** The held database's last audit row (what could be read of it), and the anchor file's. */
  heldLastSeq: number;
  anchorSeq: number;
  /** Reads (and other events) recorded in memory while held: written first. */
  carried: UnwrittenAuditEvent[];
  who: Who;
  stationName: string;
  /** The region's FHIR server and the hub token now; null: no region configured. */
  region: { fhirUrl: string; token: string; sub: string | null } | null;
}

const EVENTS = { restore: 'database.restored', start_empty: 'database.started_empty', keep: 'database.kept' } as const;

/** Refuses a decision that does not fit the hold (said, nothing done). */
function refuseUnfit(
  decision: DatabaseDecision,
  held: HeldContext,
  dataDir: string,
  key: Buffer,
  now: () => Date,
): string | null {
  if (decision.action === 'keep' && held.hold.state !== 'older') {
    throw new AppFailure(
      'validation_failed',
      `Only an older database can be kept as it is; this one is ${held.hold.state}: restore a backup, or start empty.`,
    );
  }
  if (decision.action !== 'restore') return null;
  const checked = inspectDatabaseFile(backupPath(dataDir, decision.backup), key, now);
  if (!checked.ok)
    throw new AppFailure(
      'validation_failed',
      `Backup ${decision.backup} does not pass its check (${checked.problems[0] ?? 'unreadable'}): pick another one.`,
    );
  if (checked.schemaVersion > MIGRATIONS.length)
    throw new AppFailure(
      'validation_failed',
      `Backup ${decision.backup} was written by a newer Relais: update this station first.`,
    );
  return decision.backup;
}

/** Takes back from the region what `db` lacks; throws RegionUnreachableError when it cannot be asked. */
async function fromRegion(db: Db, held: HeldContext, now: () => Date) {
  const region = held.region!;
  const client = createFhirClient({ baseUrl: region.fhirUrl, token: () => region.token });
  const audit = createAuditRepository(db);
  const last = audit.last();
  const lastAt = last ? audit.bySeq(last.seq)?.at : null;
  // The region stores a row after the station wrote it (a day's margin for clocks): older ones are not asked for.
  const since = lastAt ? new Date(Date.parse(lastAt) - DAY_MS).toISOString() : null;
  const trail = await auditRowsFromRegion(
    client,
    { name: held.stationName, sub: region.sub },
    { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH },
    since,
  );
  const [patients, encounters] = [
    await searchRegion(client, 'Patient', null),
    await searchRegion(client, 'Encounter', null),
  ];
  const at = now().toISOString();
  db.transaction(() => {
    for (const row of trail.rows) {
      audit.restore(row);
      // Taken back from the region: the region holds it, so it never goes out again.
      audit.acknowledge(row.seq, row.hash, at);
    }
  })();
  const records = takeMissingRecords(
    {
      db,
      patients: createPatientRepository(db),
      encounters: createEncounterRepository(db),
      sync: createSyncRepository(db),
      now,
    },
    { patients: patients as never, encounters: encounters as never },
  );
  return { trail, records };
}

/** Opens the new database, takes back what the region holds, writes the held events and the decision. */
async function recover(
  file: string,
  key: Buffer,
  decision: DatabaseDecision,
  held: HeldContext,
  settings: DatabaseSettings,
  dataDir: string,
  setAside: string | null,
): Promise<RecoveryReport> {
  const { now } = settings;
  const db = openDatabase(file, key);
  try {
    const messages: string[] = [];
    let broughtBack = { patients: 0, encounters: 0, auditRows: 0 };
    let regained: AuditRow[] = [];
    let regionReached = false;
    if (held.region) {
      const { trail, records } = await fromRegion(db, held, now);
      regionReached = true;
      regained = trail.rows;
      broughtBack = { patients: records.patients, encounters: records.encounters, auditRows: trail.rows.length };
      messages.push(
        `The region gave back ${records.patients} patients, ${records.encounters} acts and ${trail.rows.length} audit rows this database lacked.`,
      );
      if (trail.stoppedBecause)
        messages.push(
          `Not every audit row could be taken back: ${trail.stoppedBecause}. The region will refuse this station's next audit rows until the regional IT compares the trails.`,
        );
      for (const refused of records.refused) messages.push(`Not taken back: ${refused}.`);
    } else {
      messages.push('No regional server is configured: nothing could be given back.');
    }
    const atRegionOnly = madeElsewhereThanRecords(regained);
    const elsewhere = Object.entries(atRegionOnly).map(([kind, n]) => `${n} ${kind}`);
    if (elsewhere.length > 0)
      messages.push(
        `Recorded after this database and kept at the region, not shown on this station: ${elsewhere.join(', ')}.`,
      );

    // What this station recorded that neither the new database nor the region holds.
    const audit = createAuditRepository(db);
    const kept = audit.last()?.seq ?? 0;
    const recorded = Math.max(held.anchorSeq, held.heldLastSeq);
    const readable = setAside ? rowsOfFileAfter(setAside, key, kept) : null;
    const lostCount = Math.max(recorded - kept, readable?.length ?? 0, 0);
    const detail = readable ? summariseEvents(readable) : [];
    if (readable && lostCount > readable.length) detail.push(`${lostCount - readable.length} more that cannot be read`);
    if (!readable && lostCount > 0)
      detail.push(`${lostCount} events after audit row ${kept} (what they were cannot be read)`);
    if (lostCount > 0) {
      messages.push(
        `${lostCount} events recorded on this station never reached the region and are lost: ${detail.join(', ')}.` +
          (setAside
            ? ` The file kept aside (${setAside}) may still hold some of their records: the regional IT can open it with SQLCipher's tools and the station's key.`
            : ''),
      );
    } else {
      messages.push('Nothing recorded on this station is lost: the region held every event after this database.');
    }

    const auditService = createAuditService({
      db,
      repository: audit,
      outbox: createOutboxRepository(db),
      who: () => held.who,
      now,
      logger: settings.logger,
      anchorFile: path.join(dataDir, ANCHOR_FILE),
      carried: held.carried,
      patientOfEncounter: (id) => createEncounterRepository(db).get(id)?.patientId ?? null,
    });
    const summary = `${held.hold.state} database; ${broughtBack.patients} patients, ${broughtBack.encounters} acts and ${broughtBack.auditRows} audit rows from the region; ${lostCount} events lost`;
    auditService.record(
      {
        action: 'execute',
        event: EVENTS[decision.action],
        entityType: 'database',
        entityId: decision.action === 'restore' ? decision.backup : null,
        person: decision.by,
        detail: summary,
      },
      { binding: 'station' },
    );
    const report: RecoveryReport = {
      decision: decision.action,
      by: decision.by,
      at: now().toISOString(),
      backup: decision.action === 'restore' ? decision.backup : null,
      setAside,
      regionReached,
      broughtBack,
      atRegionOnly,
      lost: { events: lostCount, detail },
      messages,
    };
    createSyncRepository(db).setState(RECOVERY_STATE_KEY, JSON.stringify(report));
    return report;
  } finally {
    db.close();
  }
}

/** Carries out the decision on the data folder; the station's services must be stopped. */
function setAsideFilesOf(file: string, key: Buffer, into: string | (() => string)) {
  const db = openDatabase(file, key);
  try {
    return setAsideUnreferenced(path.dirname(file), db, into);
  } finally {
    db.close();
  }
}

export async function applyDecision(
  dataDir: string,
  key: Buffer,
  decision: DatabaseDecision,
  held: HeldContext,
  settings: DatabaseSettings,
): Promise<RecoveryReport> {
  const backup = refuseUnfit(decision, held, dataDir, key, settings.now);
  const file = path.join(dataDir, DATABASE_FILE);
  // SECURITY and safety: nothing is replaced while the region, which holds what the new database
  // lacks, cannot be asked: the trail would fork from the region's and the records stay behind.
  if (held.region)
    await searchRegion(
      createFhirClient({ baseUrl: held.region.fhirUrl, token: () => held.region!.token }),
      'Patient',
      new Date(settings.now().getTime() + DAY_MS).toISOString(),
    );
  const setAside = decision.action === 'keep' ? null : moveAside(file, dataDir, held.hold.state, settings.now());
  if (backup) placeBackup(dataDir, backup, file);
  const report = await recover(file, key, decision, held, settings, dataDir, setAside);
  // The files only the replaced database (or the newer one an older copy was put over) pointed to
  // are kept aside with it, never taken for an import's leftovers by the next start's clean-up.
  const into = setAside
    ? path.dirname(setAside)
    : () => setAsideFolder(dataDir, `${held.hold.state}-files`, settings.now());
  const filesSetAside = setAsideFilesOf(file, key, into);
  clearHold(dataDir);
  settings.logger.info('database.decided', {
    decision: decision.action,
    by: decision.by,
    backup,
    setAside,
    filesSetAside,
    lost: report.lost.events,
  });
  return report;
}

export { RegionUnreachableError };
