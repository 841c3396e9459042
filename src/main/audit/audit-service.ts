// The audit trail: records who did what, when and from where, chained (audit-chain.ts), queued
// for the region as FHIR AuditEvent, and checks the chain. The end of the chain is also kept in a
// small anchor file beside the database, so that deleting the last rows is seen; the rows the
// region acknowledged, and the region's own copy of the last one, are what a person holding the
// station's files cannot rewrite.
import fs from 'node:fs';
import type { AuditEntrySchema, AuditVerdictView } from '../../shared/audit/audit';
import type { Channel } from '../../shared/contract';
import type { z } from 'zod';
import type { CallOrigin } from '../contract/dispatch';
import type { AuditRepository } from './audit-repository';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { Logger } from '../platform/logger';
import { verifyAuditChain, type AuditAction, type AuditAnchor, type AuditRow } from './audit-chain';
import { AUDITED_CHANNELS, auditFacts } from './channel-audit';
import { isDiskFull } from '../platform/disk/disk-space';

/**
 * Who acts. There is no professional login yet: the station's identity at the hub (its token's
 * name, role and site) or its configured name. The login (issue 8, point 1) replaces this provider.
 */
export interface Who {
  station: string;
  who: string;
}

export interface AuditEventInput {
  action: AuditAction;
  event: string;
  entityType?: string | null;
  entityId?: string | null;
  patientIds?: string[];
  person?: string | null;
  outcome?: string;
  detail?: string | null;
}

export interface AuditServiceDeps {
  db: Db;
  repository: AuditRepository;
  outbox: Pick<OutboxRepository, 'enqueue'>;
  who: () => Who;
  now: () => Date;
  logger: Logger;
  /** The anchor file (audit-anchor.json in the data folder); null: none (some tests). */
  anchorFile: string | null;
  /**
   * The last row the region acknowledged for this station, asked of the hub now ({seq: 0} when it
   * holds none), and the chains it holds for the same token under other station names; throws when
   * it cannot be asked. Null: no regional server configured.
   */
  regionHead?:
    (() => Promise<{ seq: number; hash: string | null; otherSites: { site: string; seq: number }[] }>) | null;
  patientOfEncounter: (encounterId: string) => string | null;
  /** The bound of the events kept in memory (MAX_WAITING_EVENTS; tests lower it). */
  maxWaiting?: number;
  /**
   * False while the database is held (damaged, missing, older than its anchor): rows are kept in
   * memory, nothing is written (the anchor file neither), and reads are still answered. They are
   * written first into the database a person decides on (station-supervisor.ts).
   */
  writable?: () => boolean;
  /** Events an earlier, held instance kept in memory: written first. */
  carried?: UnwrittenAuditEvent[];
}

/** An event whose row is not written yet, with when it happened and where from. */
export interface UnwrittenAuditEvent {
  input: AuditEventInput;
  origin: CallOrigin;
  at: string;
}

/** Why an event's row could not be written: a full disk (`diskFull`), and whether it waits in memory (`kept`). */
export class AuditUnavailableError extends Error {
  constructor(
    message: string,
    readonly diskFull: boolean,
    readonly kept: boolean,
  ) {
    super(message);
  }
}

/** Events kept in memory at most, while their rows cannot be written (about 1 KB each). */
export const MAX_WAITING_EVENTS = 10_000;

const originText = (o: CallOrigin) => (o.remote ? `${o.binding} ${o.remote}` : o.binding);

export function createAuditService(deps: AuditServiceDeps) {
  // Events whose row could not be written (disk full, locked database): kept and written first
  // next time, so that an event's audit is late rather than lost while the station runs. The
  // memory is bounded: past it, events are counted as lost, said in the log, on the status, and
  // in the trail itself once it can be written again.
  const unwritten: UnwrittenAuditEvent[] = [...(deps.carried ?? [])];
  const maxWaiting = deps.maxWaiting ?? MAX_WAITING_EVENTS;
  const writable = deps.writable ?? (() => true);
  let lost = 0;
  let lostRecorded = 0;

  function writeAnchor(row: AuditRow): void {
    if (!deps.anchorFile) return;
    const tmp = `${deps.anchorFile}.tmp`;
    try {
      // SECURITY: written whole then renamed, so a crash leaves the old anchor or the new one, never half.
      fs.writeFileSync(tmp, JSON.stringify({ seq: row.seq, hash: row.hash }), { mode: 0o600 });
      fs.renameSync(tmp, deps.anchorFile);
    } catch (error) {
      // The row is written: a stale anchor only weakens the tail check, verify() still passes.
      deps.logger.warn('audit.anchor_not_written', { seq: row.seq, error: String((error as Error)?.message ?? error) });
    }
  }

  function append(input: AuditEventInput, origin: CallOrigin, at: string): AuditRow {
    const who = deps.who();
    const row = deps.db.transaction(() => {
      const appended = deps.repository.append({
        at,
        station: who.station,
        who: who.who,
        person: input.person ?? null,
        action: input.action,
        event: input.event,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        patientIds: input.patientIds ?? [],
        outcome: input.outcome ?? 'success',
        detail: input.detail ?? null,
        origin: originText(origin),
      });
      // Sent to the region in the same transaction: a row is never kept without its way out.
      deps.outbox.enqueue('audit', String(appended.seq), 1, 'create', at);
      return appended;
    })();
    writeAnchor(row);
    return row;
  }

  /** Writes the waiting rows, oldest first, then the count of events lost meanwhile; throws at the first that cannot be written. */
  function writeWaiting(): void {
    while (unwritten.length > 0) {
      const first = unwritten[0]!;
      append(first.input, first.origin, first.at);
      unwritten.shift();
    }
    if (lost > lostRecorded) {
      const count = lost - lostRecorded;
      const detail = `${count} audit events were not kept: their rows could not be written and ${maxWaiting} were already waiting in memory`;
      append(
        { action: 'execute', event: 'audit.events_lost', entityType: 'audit_trail', outcome: 'lost', detail },
        { binding: 'station' },
        deps.now().toISOString(),
      );
      lostRecorded = lost;
    }
  }

  /** Keeps an event whose row could not be written, within the bound; false when it is lost (counted, and said). */
  function keep(input: AuditEventInput, origin: CallOrigin, at: string): boolean {
    if (unwritten.some((u) => u.input === input)) return true;
    if (unwritten.length < maxWaiting) {
      unwritten.push({ input, origin, at });
      return true;
    }
    lost++;
    if (lost === lostRecorded + 1 || lost % 100 === 0) {
      deps.logger.error('audit.events_lost', {
        lost,
        waiting: unwritten.length,
        text: `${lost} audit events could not be kept: ${maxWaiting} already wait in memory for their rows to be written (a full disk?). Free space on the data folder's disk.`,
      });
    }
    return false;
  }

  /**
   * Records one event; throws AuditUnavailableError if it could not be written (it is kept to retry,
   * within the bound). While the database is held, the event is kept in memory (within the same
   * bound) and null is returned: nothing is written.
   */
  function record(input: AuditEventInput, origin: CallOrigin): AuditRow | null {
    const at = deps.now().toISOString();
    if (!writable()) {
      keep(input, origin, at);
      return null;
    }
    try {
      writeWaiting();
      return append(input, origin, at);
    } catch (error) {
      const kept = keep(input, origin, at);
      deps.logger.error('audit.record_failed', {
        event: input.event,
        error: String((error as Error)?.message ?? error),
        waiting: unwritten.length,
      });
      throw new AuditUnavailableError((error as Error)?.message ?? String(error), isDiskFull(error), kept);
    }
  }

  function readAnchorFile(warnings: string[]): AuditAnchor | null {
    if (!deps.anchorFile) return null;
    let text: string;
    try {
      text = fs.readFileSync(deps.anchorFile, 'utf8');
    } catch {
      // Missing: a station with no audit row yet, or a deleted file (cannot be told apart here).
      warnings.push('No anchor file: a deletion of the last audit rows cannot be detected from this station alone.');
      return null;
    }
    try {
      const parsed = JSON.parse(text) as { seq?: unknown; hash?: unknown };
      if (
        typeof parsed.seq === 'number' &&
        Number.isInteger(parsed.seq) &&
        parsed.seq >= 0 &&
        typeof parsed.hash === 'string' &&
        /^[0-9a-f]{64}$/.test(parsed.hash)
      ) {
        return { seq: parsed.seq, hash: parsed.hash, source: 'anchor file' };
      }
    } catch {
      // Reported below.
    }
    warnings.push('The anchor file is unreadable: it was damaged or edited.');
    return null;
  }

  /** The region's own copy of the last row it acknowledged; null (with the reason in warnings) when there is none. */
  async function askRegion(warnings: string[], acknowledgedHere: number): Promise<AuditAnchor | null> {
    if (!deps.regionHead) return null;
    try {
      const head = await deps.regionHead();
      if (head.seq > 0 && head.hash !== null) return { seq: head.seq, hash: head.hash, source: 'regional server' };
      if (head.otherSites.length > 0) {
        // An expert's second workstation, or this station renamed: the region cannot tell, a person can.
        const others = head.otherSites.map((o) => `${o.site} (up to row ${o.seq})`).join(', ');
        warnings.push(
          `The regional server holds no audit row under this station's name, but holds trails of the same token from ${others}. ` +
            'If this station was renamed, tell the regional IT to compare its trail with those.',
        );
      }
      if (acknowledgedHere > 0) {
        warnings.push(
          `The regional server holds no audit row of this station, though it acknowledged rows up to ${acknowledgedHere}: ` +
            'its copy was lost. Tell the regional IT.',
        );
      }
    } catch (error) {
      // SECURITY: said plainly: without the region, only what this station keeps was compared.
      const why = (error as Error)?.message ?? String(error);
      warnings.push(
        `The regional server could not be asked for the last audit row it acknowledged (${why}): ` +
          'the trail was checked against what this station keeps only.',
      );
    }
    return null;
  }

  return {
    record,
    /** The events kept in memory, for the instance that takes over after a person's decision. */
    unwritten: (): UnwrittenAuditEvent[] => [...unwritten],

    /** Writes the rows waiting in memory (space is back); throws, keeping them, if they still cannot be written. */
    flush(): void {
      // A held database keeps them for the one a person decides on (station-supervisor.ts).
      if (writable()) writeWaiting();
    },

    /** Rows waiting in memory, and events lost since the start (the memory's bound reached). */
    waiting: () => ({ waiting: unwritten.length, lost }),

    /** The dispatcher's hook: records an audited channel's call, whatever its outcome. */
    onCall(call: { channel: Channel; input: unknown; output: unknown; outcome: string; origin: CallOrigin }): void {
      const facts = auditFacts(call.channel, call.input, call.output, deps.patientOfEncounter);
      if (!facts) return;
      const event: AuditEventInput = { ...facts, outcome: call.outcome };
      try {
        record(event, call.origin);
      } catch (error) {
        // SECURITY: a read on a full disk is shown, its row waiting in memory to be written first
        // when space is back (the registry stays readable); a read whose row is not kept, or whose
        // trail fails otherwise (a damaged or locked database), is not shown (and is recorded so,
        // once the trail can be written). A write already done is answered, its audit waiting in memory.
        if (error instanceof AuditUnavailableError && error.diskFull && error.kept) return;
        if (AUDITED_CHANNELS[call.channel]?.action === 'read') {
          event.outcome = 'audit_unavailable';
          throw error;
        }
      }
    },

    /**
     * Walks the whole chain and checks it against the anchor file, the region's acknowledgements
     * kept here (the first that differs, else the last) and the region's own copy of its last row.
     */
    async verify(): Promise<AuditVerdictView> {
      const warnings: string[] = [];
      const anchors: AuditAnchor[] = [];
      const file = readAnchorFile(warnings);
      if (file) anchors.push(file);
      const lastAcknowledged = deps.repository.lastAcknowledged();
      const acknowledged = deps.repository.firstUnlikeAcknowledged() ?? lastAcknowledged;
      if (acknowledged) anchors.push({ ...acknowledged, source: 'regional acknowledgement' });
      const region = await askRegion(warnings, lastAcknowledged?.seq ?? 0);
      if (region) anchors.push(region);
      if (unwritten.length > 0) warnings.push(`${unwritten.length} audit events could not be written yet.`);
      if (lost > lostRecorded)
        warnings.push(
          `${lost - lostRecorded} audit events could not be kept (the disk was full and the memory's bound reached): the trail will say so once it can be written.`,
        );
      const verdict = verifyAuditChain(deps.repository.all(), anchors);
      if (!verdict.ok) deps.logger.error('audit.chain_broken', { brokenAt: verdict.brokenAt, reason: verdict.reason });
      return { ...verdict, anchors: anchors.map(({ source, seq }) => ({ source, seq })), warnings };
    },

    recent(limit: number): z.infer<typeof AuditEntrySchema>[] {
      return deps.repository.recent(limit).map(({ prevHash: _p, hash: _h, id: _i, ...entry }) => entry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
