// The requesting station's side of the expert's report: a report she wrote and signed on her own
// station arrives over the call's data channel (through the page, which is not trusted) or through
// the regional hub, and is filed on the act only if every rule holds. Every report received,
// filed or refused, is in the audit trail with its reason.
//
// SECURITY: who sent it is never what the report says. Over a call it is the peer the hub
// announced for that call (the calls journal); through the hub, the identity the hub
// authenticated. A report is filed only when that sender is the expert of the act's call, the
// report names her as its signer, and its SHA-256 matches what she signed. What the sender cannot
// be is an identity her page made up.
import { createHash } from 'node:crypto';
import { expertReportContent, expertReportText, type SignedExpertReport } from '../../shared/acts/expert-report';
import type { Professional, Report } from '../../shared/acts/encounter';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { CallRepository } from '../calls';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from './encounter-repository';
import { actOfItsExpert, answerFromHub, type DocumentSender, type HubIntakeAnswer } from './act-expert-sender';

export type ReportSender = DocumentSender;

export interface ReportAudit {
  outcome: 'received' | 'refused';
  report: SignedExpertReport;
  sender: ReportSender;
  patientId: string | null;
  why: string | null;
}

export interface ExpertReportIntakeDeps {
  db: Db;
  encounters: EncounterRepository;
  calls: Pick<CallRepository, 'remoteOf'>;
  fileReport: (report: Report, expert: Professional, withReport: () => void, signedSha256: string) => Promise<Report>;
  audit: (row: ReportAudit) => void;
  now: () => Date;
}

export type IntakeOutcome = { reportId: string; outcome: 'filed' | 'already_filed' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createExpertReportIntake(deps: ExpertReportIntakeDeps) {
  const insertReceipt = deps.db.prepare(
    `INSERT INTO report_receipts (report_id, encounter_id, sender, via, call_id, sha256, sections, correction_reason, received_at)
     VALUES (@reportId, @encounterId, @sender, @via, @callId, @sha256, @sections, @correctionReason, @receivedAt)`,
  );
  const receiptStmt = deps.db.prepare<[string], { encounter_id: string; sha256: string }>(
    'SELECT encounter_id, sha256 FROM report_receipts WHERE report_id = ?',
  );

  /** The rule, checked before anything is written; a refusal says why in words for the audit. */
  function check(report: SignedExpertReport, sender: ReportSender): void {
    actOfItsExpert(deps, report.encounterId, sender, report.author.hubId, 'report');
    const { sha256: claimed, ...content } = report;
    if (sha256(expertReportContent(content)) !== claimed) throw fieldFailure('report.sha256', 'report.hash_mismatch');
    if (report.replaces) {
      const previous = deps.encounters.report(report.replaces);
      if (previous && previous.author.rpps !== report.author.rpps)
        throw new AppFailure('forbidden', 'A report can only be corrected by the expert who signed it.');
    }
  }

  /** Files the report on its act if it passes the rule; the same report again is not filed twice. */
  async function receive(report: SignedExpertReport, sender: ReportSender): Promise<IntakeOutcome> {
    const patientId = deps.encounters.get(report.encounterId)?.patientId ?? null;
    const kept = receiptStmt.get(report.id);
    if (kept && kept.encounter_id === report.encounterId && kept.sha256 === report.sha256)
      return { reportId: report.id, outcome: 'already_filed' };
    try {
      if (kept) throw new AppFailure('forbidden', 'Another report was already filed under this id.');
      check(report, sender);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const fields = error instanceof AppFailure ? error.fields?.map((f) => f.code).join(', ') : undefined;
      deps.audit({ outcome: 'refused', report, sender, patientId, why: fields ? `${why} (${fields})` : why });
      throw error;
    }
    const correction = report.correctionReason ? `\n\nCorrection : ${report.correctionReason}` : '';
    const filed: Report = {
      id: report.id,
      encounterId: report.encounterId,
      text: `${expertReportText(report.sections)}${correction}`,
      author: {
        name: report.author.name,
        role: 'physician',
        rpps: report.author.rpps,
        specialty: report.author.specialty,
        hubId: report.author.hubId,
      },
      signedAt: report.signedAt,
      replaces: report.replaces,
    };
    // The receipt is written in the report's transaction: a crash keeps both or neither.
    const receipt = () =>
      insertReceipt.run({
        reportId: report.id,
        encounterId: report.encounterId,
        sender: sender.peerId,
        via: sender.via,
        callId: sender.callId,
        sha256: report.sha256,
        sections: JSON.stringify(report.sections),
        correctionReason: report.correctionReason,
        receivedAt: deps.now().toISOString(),
      });
    await deps.fileReport(filed, filed.author, receipt, report.sha256);
    deps.audit({ outcome: 'received', report, sender, patientId, why: null });
    return { reportId: report.id, outcome: 'filed' };
  }

  return {
    receive,
    /**
     * A report the hub delivered after the call, from the writer the hub authenticated: filed,
     * refused for good (its rule would refuse it again: the reason goes back to her), or to be
     * tried again later (a full disk, a database held: nothing was decided).
     */
    /** A report its writer (the hub's word) sent after the call. */
    fromHub: (report: SignedExpertReport, writer: string): Promise<HubIntakeAnswer> =>
      answerFromHub(() => receive(report, { peerId: writer, via: 'hub', callId: null })),
    /** The SHA-256 the expert signed, for a report received from her (the PDF prints it). */
    signedHash: (reportId: string): string | null => receiptStmt.get(reportId)?.sha256 ?? null,
  };
}

export type ExpertReportIntake = ReturnType<typeof createExpertReportIntake>;
