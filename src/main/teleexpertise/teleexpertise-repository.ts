// Reads and writes what téléexpertise adds to the record: each request's details, the messages
// exchanged about requests, and the specialties of the last directory seen. Callers own transactions.
import type { Professional } from '../../shared/acts/encounter';
import type { ExpertiseDetails, ExpertiseMessage } from '../../shared/teleexpertise/teleexpertise';
import type { Db } from '../platform/database/connection';

interface MessageRow {
  id: string;
  request_id: string;
  patient_id: string;
  kind: ExpertiseMessage['kind'];
  author: string;
  recipient: string | null;
  sent_at: string;
  body: string;
  in_response_to: string | null;
  origin: 'here' | 'server';
}
type Body = Pick<ExpertiseMessage, 'text' | 'recommendations' | 'followUp' | 'files'>;

const messageFromRow = (r: MessageRow): ExpertiseMessage => {
  const body = JSON.parse(r.body) as Body;
  return {
    id: r.id,
    requestId: r.request_id,
    patientId: r.patient_id,
    kind: r.kind,
    author: JSON.parse(r.author) as Professional,
    recipient: r.recipient ? (JSON.parse(r.recipient) as Professional) : null,
    sentAt: r.sent_at,
    text: body.text,
    recommendations: body.recommendations,
    followUp: body.followUp,
    inResponseTo: r.in_response_to,
    files: body.files,
  };
};

export function createTeleexpertiseRepository(db: Db) {
  const insertDetails = db.prepare(
    'INSERT INTO teleexpertise_requests (encounter_id, context, priority, submitted_at) VALUES (?, ?, ?, ?)',
  );
  const detailsStmt = db.prepare<
    [string],
    { encounter_id: string; context: string; priority: ExpertiseDetails['priority']; submitted_at: string | null }
  >('SELECT * FROM teleexpertise_requests WHERE encounter_id = ?');
  const submitStmt = db.prepare(
    'UPDATE teleexpertise_requests SET submitted_at = ? WHERE encounter_id = ? AND submitted_at IS NULL',
  );
  const insertMessage =
    db.prepare(`INSERT OR IGNORE INTO teleexpertise_messages (id, request_id, patient_id, kind, author, recipient, sent_at, body, in_response_to, origin, received_at)
    VALUES (@id, @request_id, @patient_id, @kind, @author, @recipient, @sent_at, @body, @in_response_to, @origin, @received_at)`);
  const messageStmt = db.prepare<[string], MessageRow>('SELECT * FROM teleexpertise_messages WHERE id = ?');
  const messagesStmt = db.prepare<[string], MessageRow>(
    'SELECT * FROM teleexpertise_messages WHERE request_id = ? ORDER BY sent_at, id',
  );
  // The requests this station takes part in: those it sent, and those it wrote about (the expert's).
  const followedStmt = db.prepare<[string], { id: string }>(`
    SELECT r.encounter_id AS id FROM teleexpertise_requests r JOIN encounters e ON e.id = r.encounter_id
      WHERE r.submitted_at IS NOT NULL AND e.status <> 'closed'
    UNION SELECT DISTINCT request_id AS id FROM teleexpertise_messages WHERE origin = 'here' AND sent_at >= ?`);
  const upsertSpecialty = db.prepare(
    'INSERT INTO directory_specialties (specialty, seen_at) VALUES (?, ?) ON CONFLICT (specialty) DO UPDATE SET seen_at = excluded.seen_at',
  );
  const specialtiesStmt = db.prepare<[], { specialty: string }>(
    'SELECT specialty FROM directory_specialties ORDER BY specialty',
  );

  return {
    insertDetails: (d: ExpertiseDetails) => void insertDetails.run(d.encounterId, d.context, d.priority, d.submittedAt),
    details(encounterId: string): ExpertiseDetails | null {
      const r = detailsStmt.get(encounterId);
      return r
        ? { encounterId: r.encounter_id, context: r.context, priority: r.priority, submittedAt: r.submitted_at }
        : null;
    },
    /** Marks the request sent; false when it already was. */
    submit: (encounterId: string, at: string): boolean => submitStmt.run(at, encounterId).changes === 1,
    /** Keeps a message once; false when it was already here (a message pulled again). */
    addMessage(m: ExpertiseMessage, origin: 'here' | 'server', receivedAt: string): boolean {
      const body: Body = { text: m.text, recommendations: m.recommendations, followUp: m.followUp, files: m.files };
      return (
        insertMessage.run({
          id: m.id,
          request_id: m.requestId,
          patient_id: m.patientId,
          kind: m.kind,
          author: JSON.stringify(m.author),
          recipient: m.recipient ? JSON.stringify(m.recipient) : null,
          sent_at: m.sentAt,
          body: JSON.stringify(body),
          in_response_to: m.inResponseTo,
          origin,
          received_at: receivedAt,
        }).changes === 1
      );
    },
    message(id: string): ExpertiseMessage | null {
      const r = messageStmt.get(id);
      return r ? messageFromRow(r) : null;
    },
    messages: (requestId: string): ExpertiseMessage[] => messagesStmt.all(requestId).map(messageFromRow),
    /** The open requests sent from here, and those this station wrote about since a date. */
    followedRequests: (since: string): string[] => followedStmt.all(since).map((r) => r.id),
    rememberSpecialties(specialties: readonly string[], at: string): void {
      for (const s of specialties) if (s.trim()) upsertSpecialty.run(s.trim(), at);
    },
    specialties: (): string[] => specialtiesStmt.all().map((r) => r.specialty),
  };
}
export type TeleexpertiseRepository = ReturnType<typeof createTeleexpertiseRepository>;
