// The station's database as the technician sees it: its state (damaged, missing, older than its
// audit anchor), the checks, the backups, and the decision a person takes when the database is not
// the one the station last wrote, and their channels.
import { z } from 'zod';

/**
 * ok; damaged (a check found damaged pages, or a WAL frame damaged in the middle of the log);
 * missing (no database, though its audit anchor says rows were written); older (its audit trail
 * ends before the row the anchor file or the region knows).
 */
export const DatabaseStateSchema = z.enum(['ok', 'damaged', 'missing', 'older']);
export type DatabaseState = z.infer<typeof DatabaseStateSchema>;

/** A backup's file name: relais-<UTC time>-<reason>.sqlite. Nothing else is ever opened as one. */
export const BackupNameSchema = z
  .string()
  .regex(/^relais-\d{8}T\d{6}\d{3}Z-(daily|migration|manual)\.sqlite$/, 'field.invalid');

export const BackupSchema = z.object({
  name: z.string(),
  takenAt: z.string(),
  reason: z.enum(['daily', 'migration', 'manual']),
  bytes: z.number().int().nonnegative(),
});
export type Backup = z.infer<typeof BackupSchema>;

/** A backup opened with the station's key and checked whole (integrity_check), with what it holds. */
export const BackupCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  problems: z.array(z.string()),
  takenAt: z.string(),
  schemaVersion: z.number().int(),
  patients: z.number().int(),
  encounters: z.number().int(),
  /** The last audit row it holds (0: none). */
  auditLastSeq: z.number().int(),
});

/** SQLite's integrity_check (on demand) or quick_check (at each start), in words. */
export const IntegrityReportSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  /** SQLite's own lines, at most 20. */
  problems: z.array(z.string()),
  /** The tables and indexes the damaged pages belong to, when SQLite names them. */
  damaged: z.array(z.string()),
});
export type IntegrityReport = z.infer<typeof IntegrityReportSchema>;

const by = z.string().trim().min(1, 'field.required').max(200);

/** What a person decides for a database that is not the one the station last wrote. */
export const DatabaseDecisionSchema = z.discriminatedUnion('action', [
  /** A checked backup in place of the current file (kept aside). */
  z.strictObject({ action: z.literal('restore'), backup: BackupNameSchema, by }),
  /** An empty database on purpose (the current file, if any, kept aside): the region gives back what it holds. */
  z.strictObject({ action: z.literal('start_empty'), by }),
  /** An older database, kept as it is on purpose: the region gives back what it holds beyond it. */
  z.strictObject({ action: z.literal('keep'), by }),
]);
export type DatabaseDecision = z.infer<typeof DatabaseDecisionSchema>;

/** What a decision brought back from the region, what stays at the region only, and what is lost. */
export const RecoveryReportSchema = z.object({
  decision: z.enum(['restore', 'start_empty', 'keep']),
  by: z.string(),
  at: z.string(),
  backup: z.string().nullable(),
  /** Where the file that was replaced now lies (damaged/ in the data folder); null: nothing was replaced. */
  setAside: z.string().nullable(),
  regionReached: z.boolean(),
  broughtBack: z.object({ patients: z.number().int(), encounters: z.number().int(), auditRows: z.number().int() }),
  /** Records made after the backup that the region holds but this station does not take back (by kind). */
  atRegionOnly: z.record(z.string(), z.number().int()),
  /** Events recorded on this station that neither the new database nor the region holds. */
  lost: z.object({ events: z.number().int(), detail: z.array(z.string()) }),
  /** The report in plain sentences (English; the screen shows them as written). */
  messages: z.array(z.string()),
});
export type RecoveryReport = z.infer<typeof RecoveryReportSchema>;

export const DatabaseStatusSchema = z.object({
  state: DatabaseStateSchema,
  /** What was found, in English for the technician and the log; null when all is well. */
  problem: z.string().nullable(),
  /** The tables and indexes found damaged. */
  damaged: z.array(z.string()),
  /** Since when the database is held (a state other than ok). */
  since: z.string().nullable(),
  backups: z.object({ count: z.number().int(), newestAt: z.string().nullable(), keep: z.number().int() }),
  /** The last decision's report, until the next one. */
  lastRecovery: RecoveryReportSchema.nullable(),
});
export type DatabaseStatus = z.infer<typeof DatabaseStatusSchema>;

const noInput = z.strictObject({});

export const DATABASE_CHANNELS = {
  /** SQLite's full integrity_check now (slower than the quick_check of each start). */
  'database.check': { input: noInput, output: IntegrityReportSchema },
  /** The backups kept in the data folder, newest first. */
  'database.backups': { input: noInput, output: z.array(BackupSchema) },
  /** A backup now (before an intervention, say). */
  'database.backup': { input: noInput, output: BackupSchema },
  /** Opens a backup with the station's key and checks it whole. */
  'database.checkBackup': { input: z.strictObject({ name: BackupNameSchema }), output: BackupCheckSchema },
  /** A person's decision for a held database; answered once the region gave back what it holds. */
  'database.decide': { input: DatabaseDecisionSchema, output: RecoveryReportSchema },
} as const;
