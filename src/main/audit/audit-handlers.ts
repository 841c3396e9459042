// The station's audit trail wired to its data folder, its identity at the hub and its calls:
// the dispatcher's hook, the call events from the hub, and the audit channels.
import path from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { Peer, ServerMessage } from '../../shared/hub-protocol';
import type { SignedIn } from '../../shared/identity/identity';
import { createAuditService, type Who } from './audit-service';
import type { CallAudit } from '../contract/dispatch';
import { createAuditRepository } from './audit-repository';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository, PrescriptionAudit, ReportAudit } from '../acts';
import type { SignedExpertReport } from '../../shared/acts/expert-report';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { Logger } from '../platform/logger';
import type { IdentityOverride } from '../imaging';
import type { SteeringAudit } from '../devices';
import { fetchAuditHead } from '../platform/hub/audit-head';
import type { AuditSource } from '../sync';

export interface StationAuditDeps {
  db: Db;
  dataDir: string;
  outbox: Pick<OutboxRepository, 'enqueue'>;
  encounters: Pick<EncounterRepository, 'get' | 'ofCall'>;
  stationName: string;
  /** This station as the hub knows it from its token (name, role, site), once connected. */
  hubIdentity: () => Peer | null;
  /** The professional signed in at the station, when a provider is configured. */
  signedIn?: () => SignedIn | null;
  now: () => Date;
  logger: Logger;
  /** The hub's GET /audit/head (the region's copy of the last row it acknowledged) and the token to ask it with; null: no hub. */
  region?: { headUrl: string | null; token: () => string } | null;
  /** False while the database is held: rows wait in memory, nothing is written (database-guard.ts). */
  writable?: () => boolean;
}

/**
 * SECURITY: who acts: the professional signed in (her name and IdNatPS, from the identity
 * provider) when there is one; otherwise the station's identity from its hub token, else its
 * configured name. The person named in a payload (requester, author, collectedBy...) is recorded
 * beside it, as typed.
 */
export function stationWho(
  stationName: string,
  hubIdentity: () => Peer | null,
  signedIn: () => SignedIn | null = () => null,
): () => Who {
  return () => {
    const user = signedIn();
    if (user) return { station: stationName, who: `${user.name} (IdNatPS ${user.idNatPs ?? user.sub})` };
    const you = hubIdentity();
    return { station: stationName, who: you ? `${you.name} (${you.role}, ${you.site})` : stationName };
  };
}

/** What the audit says of a document the act's expert signed (her report, her prescription). */
type SignedDocument = Pick<SignedExpertReport, 'author' | 'sha256' | 'replaces' | 'encounterId'>;

export function createStationAudit(deps: StationAuditDeps) {
  const repository = createAuditRepository(deps.db);
  const region = deps.region ?? null;
  const headUrl = region?.headUrl ?? null;
  const audit = createAuditService({
    db: deps.db,
    repository,
    outbox: deps.outbox,
    who: stationWho(deps.stationName, deps.hubIdentity, deps.signedIn),
    now: deps.now,
    logger: deps.logger,
    anchorFile: path.join(deps.dataDir, 'audit-anchor.json'),
    regionHead: region && headUrl ? () => fetchAuditHead(headUrl, region.token(), deps.stationName) : null,
    patientOfEncounter: (id) => deps.encounters.get(id)?.patientId ?? null,
    ...(deps.writable ? { writable: deps.writable } : {}),
  });

  const handlers: Pick<Handlers, 'audit.note' | 'audit.verify' | 'audit.recent'> = {
    // Recorded by the dispatcher's hook like every audited call (with where it came from).
    'audit.note': () => ({ recorded: true as const }),
    'audit.verify': () => audit.verify(),
    'audit.recent': ({ limit }) => audit.recent(limit),
  };

  const CALL_EVENTS: Partial<Record<ServerMessage['type'], string>> = {
    'call.ringing': 'call.started',
    'call.incoming': 'call.started',
    'call.accepted': 'call.answered',
    'call.ended': 'call.ended',
  };

  /** A document signed by an act's expert on her station (report, prescription), kept here or refused, with why. */
  function signedDocument(
    kind: 'report' | 'prescription',
    document: SignedDocument,
    what: string,
    row: Omit<ReportAudit, 'report'>,
  ): void {
    const { sender } = row;
    const way = sender.via === 'call' ? `over the call ${sender.callId ?? ''}`.trim() : 'through the hub';
    const signer = `${document.author.name} (RPPS ${document.author.rpps})`;
    const detail = [
      `${what} signed by ${signer}`,
      `from ${sender.peerId} ${way}`,
      `sha256 ${document.sha256}`,
      document.replaces ? `corrects ${document.replaces}` : null,
      row.why ? `refused: ${row.why}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    try {
      audit.record(
        {
          action: row.outcome === 'received' ? 'create' : 'execute',
          event: `${kind}.${row.outcome}`,
          entityType: 'encounter',
          entityId: document.encounterId,
          patientIds: row.patientId ? [row.patientId] : [],
          person: signer,
          detail,
        },
        { binding: 'station', remote: sender.via === 'call' ? 'call' : 'hub' },
      );
    } catch {
      // Kept in memory and written with the next event (logged by the audit service).
    }
  }

  return {
    repository,
    handlers,
    /** What the sync sends of the trail, and where the region's acknowledgements go; observer: this station's subject at the hub. */
    /** Events kept in memory while the database is held, for the database a person decides on. */
    unwritten: () => audit.unwritten(),
    syncSource: (observer: () => string | null): AuditSource => ({
      bySeq: repository.bySeq,
      acknowledge: repository.acknowledge,
      observer,
    }),
    onCall: ((call) => audit.onCall(call)) satisfies CallAudit,
    /** The rows waiting in memory (a full disk): how many, and writing them once space is back. */
    waiting: audit.waiting,
    flush: audit.flush,
    /** A professional's session ended at this station (signed out, replaced by a new sign-in, too many failures, not renewed). */
    sessionEnded(user: SignedIn, reason: string): void {
      try {
        audit.record(
          {
            action: 'execute',
            event: 'identity.session_ended',
            entityType: 'station_lock',
            person: `${user.name} (IdNatPS ${user.idNatPs ?? user.sub})`,
            detail: `reason ${reason}`,
          },
          { binding: 'station' },
        );
      } catch {
        // Kept in memory and written with the next event (logged by the audit service).
      }
    },
    /** A call started (either way), answered or ended, as the hub tells it: recorded with the patient of its act, if linked. */
    callMessage(message: ServerMessage): void {
      const event = CALL_EVENTS[message.type];
      if (!event || !('callId' in message)) return;
      const peer =
        message.type === 'call.ringing'
          ? message.to
          : message.type === 'call.incoming'
            ? message.from
            : message.type === 'call.accepted'
              ? message.by
              : null;
      const patientId = deps.encounters.ofCall(message.callId)?.patientId;
      const detail = [
        message.type,
        peer ? `with ${peer.name} (${peer.role}, ${peer.site})` : null,
        message.type === 'call.ended' ? `reason ${message.reason}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      try {
        audit.record(
          {
            action: 'call',
            event,
            entityType: 'call',
            entityId: message.callId,
            patientIds: patientId ? [patientId] : [],
            detail,
          },
          { binding: 'station', remote: 'hub' },
        );
      } catch {
        // Kept in memory and written with the next event (logged by the audit service).
      }
    },
    /**
     * A study filed in a record although its patient traits differ from the record's: one row per
     * study, with the person who compared and confirmed it, the name the images carry and what differed.
     */
    imagingOverride(override: IdentityOverride): void {
      const dicom = override.dicomPatient;
      const carried = `${dicom.name ?? 'no name'}, birth date ${dicom.birthDate ?? 'not given'}, sex ${dicom.sex ?? 'not given'}, id ${dicom.id ?? 'not given'}`;
      const detail = `study in the name of ${carried} filed in this record although it differs (${override.differences.join(', ')}); compared and confirmed by ${override.checkedBy}`;
      try {
        const event = {
          action: 'grant' as const,
          event: 'imaging.identity_override',
          entityType: 'imaging_study',
          entityId: override.studyUid,
          patientIds: [override.patientId],
          person: override.checkedBy,
          detail,
        };
        audit.record(event, { binding: 'station', remote: 'imaging import' });
      } catch {
        // Kept in memory and written with the next event (logged by the audit service): the study
        // is filed either way, and its row keeps who confirmed it (mismatch_accepted_by).
      }
    },
    /** A report signed by an act's expert on her station, filed on the act here or refused, with why. */
    expertReport(row: ReportAudit): void {
      signedDocument('report', row.report, `report ${row.report.id}`, row);
    },
    /** A prescription signed by an act's expert on her station, kept on the act here or refused, with why. */
    expertPrescription(row: PrescriptionAudit): void {
      const p = row.prescription;
      signedDocument('prescription', p, `prescription ${p.id} of ${p.lines.length} line(s)`, row);
    },
    /** Remote steering of this cart's camera during a call: grants, their end, refused commands. */
    steering(row: SteeringAudit): void {
      const patientId = deps.encounters.ofCall(row.callId)?.patientId;
      const { callId, ...facts } = row;
      try {
        const event = { ...facts, entityType: 'call', entityId: callId, patientIds: patientId ? [patientId] : [] };
        audit.record(event, { binding: 'station', remote: 'remote steering' });
      } catch {
        // Kept in memory and written with the next event (logged by the audit service): the
        // grant or the refusal stands either way.
      }
    },
  };
}
