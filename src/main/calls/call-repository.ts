// The call journal: one row per call rung or answered, and its chat.
import type { Attachment } from '../../shared/acts/attachments';
import type { CallRecord, ChatEntry } from '../../shared/calls/calls';
import type { Peer } from '../../shared/hub-protocol';
import type { Db } from '../platform/database/connection';

interface CallRow {
  id: string;
  direction: 'outgoing' | 'incoming';
  remote_id: string;
  remote_name: string;
  remote_role: string;
  remote_site: string;
  reason: string | null;
  urgent: number;
  ringing_at: string;
  accepted_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  end_detail: string | null;
}

export interface CallRepository {
  insert(call: {
    id: string;
    direction: CallRecord['direction'];
    remote: Peer;
    reason: string | null;
    urgent: boolean;
    at: string;
  }): void;
  exists(id: string): boolean;
  /** The other side of a call of this station, as the hub named it; null for a call it does not hold. */
  remoteOf(id: string): { id: string; name: string; role: string; site: string } | null;
  accepted(id: string, at: string): void;
  /** Records the end once: a second end (both sides' hang-up echoed back) changes nothing. */
  ended(id: string, at: string, reason: string, detail: string | null): boolean;
  /** False when this line was already kept (the same line saved twice). */
  addChat(entry: ChatEntry): boolean;
  chatLine(callId: string, id: string): ChatEntry | null;
  /** The call's chat, in the order it was written (the act of the call shows it). */
  chatOf(callId: string): CallRecord['chat'];
  recent(limit: number): CallRecord[];
  attachment(id: string): Attachment | null;
}

export interface AttachmentRow {
  id: string;
  call_id: string | null;
  encounter_id: string | null;
  kind: Attachment['kind'];
  mime: Attachment['mime'];
  size: number;
  sha256: string;
  title: string | null;
  body_site: Attachment['bodySite'];
  device: string;
  author: string;
  taken_at: string;
}
export const attachmentFromRow = (r: AttachmentRow): Attachment => ({
  id: r.id,
  callId: r.call_id,
  encounterId: r.encounter_id,
  kind: r.kind,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  title: r.title,
  bodySite: r.body_site,
  device: r.device,
  author: r.author,
  takenAt: r.taken_at,
});

export function createCallRepository(db: Db): CallRepository {
  const insertStmt =
    db.prepare(`INSERT OR IGNORE INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, reason, urgent, ringing_at)
    VALUES (@id, @direction, @remoteId, @remoteName, @remoteRole, @remoteSite, @reason, @urgent, @at)`);
  const existsStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM calls WHERE id = ?');
  const remoteStmt = db.prepare<[string], CallRow>('SELECT * FROM calls WHERE id = ?');
  const acceptedStmt = db.prepare('UPDATE calls SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL');
  const endedStmt = db.prepare(
    'UPDATE calls SET ended_at = ?, end_reason = ?, end_detail = ? WHERE id = ? AND ended_at IS NULL',
  );
  const chatStmt = db.prepare(
    'INSERT OR IGNORE INTO call_chat (call_id, id, direction, author, text, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const recentStmt = db.prepare<[number], CallRow>('SELECT * FROM calls ORDER BY ringing_at DESC LIMIT ?');
  const chatLineStmt = db.prepare<[string, string], Omit<ChatEntry, 'callId'>>(
    'SELECT id, direction, author, text, at FROM call_chat WHERE call_id = ? AND id = ?',
  );
  const chatOfStmt = db.prepare<[string], Omit<ChatEntry, 'callId'>>(
    'SELECT id, direction, author, text, at FROM call_chat WHERE call_id = ? ORDER BY at, rowid',
  );

  const attachmentsOfStmt = db.prepare<[string], AttachmentRow>(
    'SELECT * FROM attachments WHERE call_id = ? ORDER BY taken_at, rowid',
  );
  const attachmentsOf = (callId: string): Attachment[] => attachmentsOfStmt.all(callId).map(attachmentFromRow);

  const actOfStmt = db.prepare<[string], { id: string }>(
    'SELECT id FROM encounters WHERE call_id = ? ORDER BY created_at DESC LIMIT 1',
  );
  const toRecord = (row: CallRow): CallRecord => ({
    id: row.id,
    direction: row.direction,
    remote: { id: row.remote_id, name: row.remote_name, role: row.remote_role, site: row.remote_site },
    reason: row.reason,
    urgent: row.urgent === 1,
    ringingAt: row.ringing_at,
    acceptedAt: row.accepted_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    endDetail: row.end_detail,
    chat: chatOfStmt.all(row.id),
    attachments: attachmentsOf(row.id),
    actId: actOfStmt.get(row.id)?.id ?? null,
  });

  const attachmentStmt = db.prepare<[string], AttachmentRow>('SELECT * FROM attachments WHERE id = ?');
  return {
    attachment(id) {
      const r = attachmentStmt.get(id);
      return r ? attachmentFromRow(r) : null;
    },
    insert({ id, direction, remote, reason, urgent, at }) {
      insertStmt.run({
        id,
        direction,
        remoteId: remote.id,
        remoteName: remote.name,
        remoteRole: remote.role,
        remoteSite: remote.site,
        reason,
        urgent: urgent ? 1 : 0,
        at,
      });
    },
    exists: (id) => (existsStmt.get(id)?.n ?? 0) > 0,
    remoteOf(id) {
      const row = remoteStmt.get(id);
      return row ? { id: row.remote_id, name: row.remote_name, role: row.remote_role, site: row.remote_site } : null;
    },
    accepted(id, at) {
      acceptedStmt.run(at, id);
    },
    ended(id, at, reason, detail) {
      return endedStmt.run(at, reason, detail, id).changes > 0;
    },
    addChat: (e) => chatStmt.run(e.callId, e.id, e.direction, e.author, e.text, e.at).changes > 0,
    chatLine(callId, id) {
      const row = chatLineStmt.get(callId, id);
      return row ? { callId, ...row } : null;
    },
    chatOf: (callId) => chatOfStmt.all(callId),
    recent: (limit) => recentStmt.all(limit).map(toRecord),
  };
}
