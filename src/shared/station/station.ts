// What the home screen shows of the station: devices, hub link, records waiting to be synced.
import { z } from 'zod';
import { DatabaseStatusSchema } from './database';

export const DeviceStatusSchema = z.object({
  id: z.string(),
  kind: z.enum([
    'camera',
    'oximeter',
    'stethoscope',
    'dermatoscope',
    'blood_pressure',
    'thermometer',
    'scale',
    'other',
  ]),
  label: z.string(),
  state: z.enum(['connected', 'reconnecting', 'gone']),
});

/** The station's hub token: valid; refresh_refused (the hub will not renew it: it works until it expires); expired (no access to the region until a person gives a new one). */
export const HubTokenStatusSchema = z.object({
  state: z.enum(['valid', 'refresh_refused', 'expired']),
  /**
   * A station's token is renewed by the hub; an expert's access and the region's coordinator's are
   * not (the hub refreshes station tokens only: a new one must be asked for).
   */
  holder: z.enum(['station', 'expert', 'coordinator']),
  expiresAt: z.string().nullable(),
  /** The hub's refusal, in words (English, from the hub), when it refused. */
  reason: z.string().nullable(),
  /**
   * Why the hub refused to renew it: revoked by the region (refused everywhere from now on), its
   * chain of renewals past the region's maximum age (it works until it expires), or another reason.
   */
  refusal: z.enum(['revoked', 'max_age', 'other']).nullable(),
});
export type HubTokenStatus = z.infer<typeof HubTokenStatusSchema>;

/**
 * The data folder's disk. `full`: new files are refused (less than the reserve kept for the
 * records is free), or a write of the records was refused for lack of space (`writesRefused`).
 */
export const DiskStatusSchema = z.object({
  /** Free space of the data folder's file system; null when it cannot be read. */
  freeBytes: z.number().nonnegative().nullable(),
  /** Space kept for the records' database (RELAIS_DISK_RESERVE_MB): below it, no new file is taken. */
  reserveBytes: z.number().nonnegative(),
  full: z.boolean(),
  writesRefused: z.boolean(),
  /** How much to free for the station to take records and files again (0 when not full). */
  neededBytes: z.number().nonnegative(),
  /** Audit rows kept in memory until they can be written (reads while the disk is full). */
  auditWaiting: z.number().int().nonnegative(),
  /** Audit events not kept at all, the memory's bound reached (said in the log, and in the trail once it can be written). */
  auditLost: z.number().int().nonnegative(),
});
export type DiskStatus = z.infer<typeof DiskStatusSchema>;

export const StationStatusSchema = z.object({
  stationName: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  /** How the records are encrypted at rest: the key in the OS keychain, or in a (weaker) key file. */
  dataProtection: z.object({
    protection: z.enum(['os-keychain', 'key-file']),
    keyPath: z.string(),
    /** What makes the protection weaker than it should be (said in words on the home screen). */
    weaknesses: z.array(z.enum(['key_in_file', 'key_file_inside_data_folder', 'no_os_keyring'])),
  }),
  /** Whom clinicians call when the station needs the IT (RELAIS_SUPPORT_CONTACT); null: the screens' default. */
  supportContact: z.string().max(120).nullable(),
  /** Whether a professional must sign in to open records; "none": the site chose no sign-in, anyone at the station reads every record. */
  signIn: z.enum(['required', 'none']),
  devices: z.array(DeviceStatusSchema),
  hub: z.object({
    state: z.enum(['not_configured', 'connecting', 'online', 'offline']),
    url: z.string().nullable(),
    /** Absent when the station has no hub token. */
    token: HubTokenStatusSchema.optional(),
  }),
  sync: z.object({
    /** The regional FHIR server, or null when none is configured (records stay here). */
    server: z.string().nullable(),
    /** Changes waiting to go out. */
    pending: z.number().int().nonnegative(),
    /** A call's files and messages waiting for the call to be linked to an act (a person's step). */
    waitingForAct: z.number().int().nonnegative(),
    /** Changes the server refused or that conflict: a person must look at them. */
    parked: z.number().int().nonnegative(),
    /** Audit rows the server refused: an alert for the regional IT (sync screen), not counted in parked. */
    auditRefused: z.number().int().nonnegative(),
    conflicts: z.number().int().nonnegative(),
    lastSyncAt: z.string().nullable(),
    /** Why the last pass stopped (server unreachable...), in words; null when it went well. */
    lastError: z.string().nullable(),
    /** When the server's changes were last brought back (none yet: null). */
    lastPullAt: z.string().nullable(),
    /** Files on their way to the region, for the progress bars. */
    uploads: z.array(
      z.object({
        attachmentId: z.string(),
        kind: z.string(),
        sentBytes: z.number().nonnegative(),
        totalBytes: z.number().nonnegative(),
      }),
    ),
  }),
  patientCount: z.number().int().nonnegative(),
  disk: DiskStatusSchema,
  /** The database: damaged, missing or older than its audit anchor (held: it only reads), its backups. */
  database: DatabaseStatusSchema,
});
export type StationStatus = z.infer<typeof StationStatusSchema>;

/** What the sync could not send, for the person who has to look: refused records with the
 * reason, and conflicts with the station's and the server's versions side by side. */
export const SyncDetailsSchema = z.object({
  parked: z.array(z.object({ entity: z.string(), entityId: z.string(), error: z.string(), since: z.string() })),
  /** Audit rows the server refused, with its reason: for the regional IT. */
  auditRefused: z.array(z.object({ entity: z.string(), entityId: z.string(), error: z.string(), since: z.string() })),
  conflicts: z.array(
    z.object({
      id: z.number(),
      entity: z.string(),
      entityId: z.string(),
      local: z.unknown(),
      server: z.unknown(),
      detectedAt: z.string(),
    }),
  ),
  /** Server versions the station could not take in, with the reason. */
  refused: z.array(
    z.object({
      entity: z.string(),
      entityId: z.string(),
      serverVersionId: z.string().nullable(),
      error: z.string(),
      at: z.string(),
    }),
  ),
  /** What the station does not do with this server (from its CapabilityStatement), in words. */
  notes: z.array(z.string()),
  /** The checks that the region still holds what this station sent (null: no regional server). */
  reconciliation: z
    .object({
      /** The last check that went through, and how many records it found missing there. */
      checkedAt: z.string().nullable(),
      missing: z.number().int().nonnegative(),
      /** Resource types that could not be checked, with why (for the regional IT). */
      unchecked: z.array(z.string()),
      /** Audit rows the region lacks and can no longer take: for the regional IT. */
      auditGap: z.object({ from: z.number().int(), to: z.number().int(), rows: z.number().int() }).nullable(),
      /** The last records found missing and sent again: how many, and when the last of them went (null: on their way). */
      lastResend: z
        .object({
          detectedAt: z.string(),
          records: z.number().int(),
          resentAt: z.string().nullable(),
          refused: z.number().int(),
        })
        .nullable(),
      /** Records sent again still waiting to go. */
      resending: z.number().int().nonnegative(),
    })
    .nullable(),
});

/** What came of "Réessayer l’envoi": sent now, still waiting (the server unreachable...), or refused again with the reason. */
export const SyncRetryResultSchema = z.strictObject({
  retried: z.number().int(),
  outcome: z.enum(['sent', 'waiting', 'refused']),
  error: z.string().nullable(),
});
export type SyncRetryResult = z.infer<typeof SyncRetryResultSchema>;

/** A person settles a conflict: the station's version goes again, or the server's is taken. */
export const ResolveConflictInputSchema = z.strictObject({
  conflictId: z.number().int().positive(),
  keep: z.enum(['station', 'server']),
  /** Who decided (until professional login, the name the person types). */
  by: z.string().trim().min(1, 'field.required').max(200),
});
export type SyncDetails = z.infer<typeof SyncDetailsSchema>;
