// The expert's report of an act held by another station (issue 21, point 4), on her station: her
// draft kept as she types, signed in her signed-in name, and followed until the requesting station
// has it. In French telemedicine the expert (the "médecin requis") writes and signs the report;
// the requesting site keeps the act and files it (expert-report-intake.ts checks it there).
//
// SECURITY: the signer is never taken from the page: main asks the sign-in (her name and RPPS) and
// the hub's welcome (her hub identity, which the requesting station checks against its call), and
// computes the SHA-256 over what is signed. A signed version is never changed: a correction is a
// new version naming the one it replaces, with its reason, by the same physician.
import { createHash, randomUUID } from 'node:crypto';
import {
  expertReportContent,
  SignedExpertReportSchema,
  type ReportSections,
  type ReportSigner,
  type SignedExpertReport,
} from '../../shared/acts/expert-report';
import type { ReportTemplateId } from '../../shared/acts/expert-report-templates';
import type { RemoteReport, ReportDraft } from '../../shared/remote-acts/report-channels';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import { keptActOf, type RemoteActRepository } from './remote-act-repository';
import type { RemoteReportRepository } from './remote-report-repository';
import { createDeliveryRecorder, type CallAnswer, type DeliveryMarks, type HubAnswer } from './signed-delivery';

export interface RemoteReportServiceDeps {
  db: Db;
  acts: Pick<RemoteActRepository, 'get'>;
  reports: RemoteReportRepository;
  /** Where each signed version stands at the requesting station (signed-delivery.ts). */
  marks: DeliveryMarks;
  /** Who signs: the signed-in physician and her hub identity; throws (sign_in_required) otherwise. */
  signer: () => ReportSigner;
  /** Each signed version also goes through the hub (sync: expert_report), for after the call. */
  outbox: Pick<OutboxRepository, 'enqueue'>;
  now: () => Date;
  /** Her report of this act changed (the page reloads it). */
  changed: (peerId: string, actId: string) => void;
  /** A receipt that cannot be taken (not from the station the report went to). */
  log: (event: string, detail: Record<string, unknown>) => void;
}

interface ActKey {
  peerId: string;
  actId: string;
}

interface Correction {
  replaces: string | null;
  correctionReason?: string | undefined;
}

export function createRemoteReportService(deps: RemoteReportServiceDeps) {
  const { db, acts, reports, signer, now, changed } = deps;
  const actOf = ({ peerId, actId }: ActKey) => keptActOf(acts, peerId, actId);

  /** What a correction names must be a version of this act that nothing corrected yet. */
  function checkCorrection(key: ActKey, { replaces, correctionReason }: Correction, rpps: string | null): void {
    const signed = reports.signed(key.peerId, key.actId);
    if (!replaces) {
      if (signed.length > 0) throw fieldFailure('replaces', 'report.already_signed');
      return;
    }
    const previous = signed.find((r) => r.report.id === replaces);
    if (!previous) throw fieldFailure('replaces', 'report.not_of_this_act');
    if (previous.replacedBy) throw fieldFailure('replaces', 'report.already_replaced');
    if (!correctionReason?.trim()) throw fieldFailure('correctionReason', 'field.required');
    if (rpps !== null && previous.report.author.rpps !== rpps)
      throw new AppFailure('forbidden', 'A report can only be corrected by the physician who signed it.');
  }

  const delivery = createDeliveryRecorder({
    what: 'report',
    find: (id) => reports.get(id),
    marks: deps.marks,
    now,
    changed,
    log: deps.log,
  });

  return {
    worklist: (limit: number) => reports.worklist(limit),

    report(key: ActKey): { draft: ReportDraft | null; signed: RemoteReport[] } {
      actOf(key);
      return { draft: reports.draft(key.peerId, key.actId), signed: reports.signed(key.peerId, key.actId) };
    },

    saveDraft(
      key: ActKey & Correction & { template: ReportTemplateId; sections: ReportDraft['sections'] },
    ): ReportDraft {
      actOf(key);
      const draft: ReportDraft = {
        template: key.template,
        sections: key.sections,
        replaces: key.replaces,
        correctionReason: key.correctionReason ?? null,
        savedAt: now().toISOString(),
      };
      // Not told as a change: the page that saves it holds it, and each pause in her typing would
      // have every screen of the act read it again.
      reports.putDraft(key.peerId, key.actId, draft);
      return draft;
    },

    sign(input: ActKey & Correction & { sections: ReportSections }): RemoteReport {
      actOf(input);
      const author = signer();
      checkCorrection(input, input, author.rpps);
      const unsigned: Omit<SignedExpertReport, 'sha256'> = {
        id: randomUUID(),
        encounterId: input.actId,
        sections: input.sections,
        author,
        signedAt: now().toISOString(),
        replaces: input.replaces,
        correctionReason: input.replaces ? (input.correctionReason?.trim() ?? null) : null,
      };
      const sha256 = createHash('sha256').update(expertReportContent(unsigned)).digest('hex');
      // Parsed as the requesting station will parse it: what it would refuse is not signed here.
      const report = SignedExpertReportSchema.parse({ ...unsigned, sha256 });
      const signed = db.transaction((): RemoteReport => {
        checkCorrection(input, input, author.rpps);
        reports.addSigned({ peerId: input.peerId, actId: input.actId, report });
        reports.dropDraft(input.peerId, input.actId);
        // Signed and queued for the hub in one transaction: a crash keeps both or neither.
        deps.outbox.enqueue('expert_report', report.id, 1, 'create', report.signedAt);
        return { report, delivery: { state: 'pending' }, replacedBy: null };
      })();
      changed(input.peerId, input.actId);
      return signed;
    },

    /** What the requesting station answered over the call: filed (or already), or refused with its reason. */
    delivered(answer: CallAnswer): RemoteReport {
      delivery.overCall(answer);
      const { peerId: _peer, actId: _act, ...report } = reports.get(answer.id)!;
      return report;
    },

    /** What the requesting station answered through the hub, after the call (signed-delivery.ts). */
    receiptFromHub: (answer: HubAnswer, writer: string) => delivery.fromHub(answer, writer),
  };
}

export type RemoteReportService = ReturnType<typeof createRemoteReportService>;
