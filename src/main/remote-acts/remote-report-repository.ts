// The expert's reports of other stations' acts (migration 0029): one draft per act, and every
// version she signed with where it stands at the requesting station. Callers own transactions.
import { SignedExpertReportSchema, type SignedExpertReport } from '../../shared/acts/expert-report';
import type { ReportTemplateId } from '../../shared/acts/expert-report-templates';
import {
  DraftSectionsSchema,
  type RemoteReport,
  type ReportDraft,
  type WorklistItem,
} from '../../shared/remote-acts/report-channels';
import { ActContextSchema } from '../../shared/calls/act-context';
import type { Db } from '../platform/database/connection';
import { deliveryOf, type DeliveryRow } from './signed-delivery';

interface DraftRow {
  template: string;
  sections_json: string;
  replaces: string | null;
  correction_reason: string | null;
  saved_at: string;
}

interface ReportRow extends DeliveryRow {
  id: string;
  peer_id: string;
  act_id: string;
  signed_json: string;
  replaced_by: string | null;
}

export interface SignedRow {
  peerId: string;
  actId: string;
  report: SignedExpertReport;
}

export interface RemoteReportRepository {
  draft(peerId: string, actId: string): ReportDraft | null;
  putDraft(peerId: string, actId: string, draft: ReportDraft): void;
  dropDraft(peerId: string, actId: string): void;
  /** The act's signed versions, oldest first. */
  signed(peerId: string, actId: string): RemoteReport[];
  get(reportId: string): (RemoteReport & { peerId: string; actId: string }) | null;
  addSigned(row: SignedRow): void;
  /** The acts whose report is owed or not yet received there, the longest waiting first. */
  worklist(limit: number): WorklistItem[];
}

interface WorklistRow {
  peer_id: string;
  peer_name: string;
  act_id: string;
  context_json: string;
  since: string;
  drafted: number;
  latest_delivered: string | null;
  latest_refused: string | null;
  has_signed: number;
}

// Parsed again on reading: a row changed by hand cannot reach a screen, or another station, as
// something it is not.
const reportOf = (row: ReportRow): RemoteReport => ({
  report: SignedExpertReportSchema.parse(JSON.parse(row.signed_json)),
  delivery: deliveryOf(row),
  replacedBy: row.replaced_by,
});

export function createRemoteReportRepository(db: Db): RemoteReportRepository {
  const draftStmt = db.prepare<[string, string], DraftRow>(
    'SELECT template, sections_json, replaces, correction_reason, saved_at FROM remote_report_drafts WHERE peer_id = ? AND act_id = ?',
  );
  const putDraftStmt = db.prepare(`INSERT INTO remote_report_drafts
      (peer_id, act_id, template, sections_json, replaces, correction_reason, saved_at)
    VALUES (@peerId, @actId, @template, @sections, @replaces, @correctionReason, @savedAt)
    ON CONFLICT (peer_id, act_id) DO UPDATE SET template = excluded.template, sections_json = excluded.sections_json,
      replaces = excluded.replaces, correction_reason = excluded.correction_reason, saved_at = excluded.saved_at`);
  const dropDraftStmt = db.prepare('DELETE FROM remote_report_drafts WHERE peer_id = ? AND act_id = ?');
  const selectReports = `SELECT r.*, (SELECT n.id FROM remote_reports n WHERE n.replaces = r.id) AS replaced_by
    FROM remote_reports r`;
  const signedStmt = db.prepare<[string, string], ReportRow>(
    `${selectReports} WHERE r.peer_id = ? AND r.act_id = ? ORDER BY r.signed_at, r.rowid`,
  );
  const getStmt = db.prepare<[string], ReportRow>(`${selectReports} WHERE r.id = ?`);
  const addStmt = db.prepare(`INSERT INTO remote_reports (id, peer_id, act_id, signed_json, sha256, signed_at, replaces)
    VALUES (@id, @peerId, @actId, @signed, @sha256, @signedAt, @replaces)`);

  // Per act: its draft, and the latest version not corrected (where it stands there).
  const worklistStmt = db.prepare<[], WorklistRow>(`
    SELECT a.peer_id, a.peer_name, a.act_id, a.context_json, COALESCE(a.first_received_at, a.received_at) AS since,
      EXISTS (SELECT 1 FROM remote_report_drafts d WHERE d.peer_id = a.peer_id AND d.act_id = a.act_id) AS drafted,
      EXISTS (SELECT 1 FROM remote_reports r WHERE r.peer_id = a.peer_id AND r.act_id = a.act_id) AS has_signed,
      l.delivered_at AS latest_delivered, l.refused_reason AS latest_refused
    FROM remote_acts a
    LEFT JOIN remote_reports l ON l.peer_id = a.peer_id AND l.act_id = a.act_id
      AND NOT EXISTS (SELECT 1 FROM remote_reports n WHERE n.replaces = l.id)
    ORDER BY since, a.rowid
  `);
  const stateOf = (row: WorklistRow): WorklistItem['state'] | null => {
    if (row.drafted) return 'draft';
    if (!row.has_signed) return 'to_write';
    if (row.latest_refused !== null) return 'refused';
    return row.latest_delivered === null ? 'waiting' : null;
  };

  return {
    worklist(limit) {
      const items: WorklistItem[] = [];
      for (const row of worklistStmt.iterate()) {
        const state = stateOf(row);
        if (!state) continue;
        const context = ActContextSchema.parse(JSON.parse(row.context_json));
        items.push({
          peerId: row.peer_id,
          peerName: row.peer_name,
          actId: row.act_id,
          actType: context.act.type,
          reason: context.act.reason,
          patient: context.patient,
          since: row.since,
          state,
        });
        if (items.length >= limit) break;
      }
      return items;
    },
    draft(peerId, actId) {
      const row = draftStmt.get(peerId, actId);
      if (!row) return null;
      return {
        template: row.template as ReportTemplateId,
        sections: DraftSectionsSchema.parse(JSON.parse(row.sections_json)),
        replaces: row.replaces,
        correctionReason: row.correction_reason,
        savedAt: row.saved_at,
      };
    },
    putDraft(peerId, actId, draft) {
      putDraftStmt.run({
        peerId,
        actId,
        template: draft.template,
        sections: JSON.stringify(draft.sections),
        replaces: draft.replaces,
        correctionReason: draft.correctionReason,
        savedAt: draft.savedAt,
      });
    },
    dropDraft(peerId, actId) {
      dropDraftStmt.run(peerId, actId);
    },
    signed: (peerId, actId) => signedStmt.all(peerId, actId).map(reportOf),
    get(reportId) {
      const row = getStmt.get(reportId);
      return row ? { ...reportOf(row), peerId: row.peer_id, actId: row.act_id } : null;
    },
    addSigned({ peerId, actId, report }) {
      addStmt.run({
        id: report.id,
        peerId,
        actId,
        signed: JSON.stringify(report),
        sha256: report.sha256,
        signedAt: report.signedAt,
        replaces: report.replaces,
      });
    },
  };
}
