// The activity a GCS coordinator follows, per station and month: acts by type and specialty,
// the time they took, and the transport they avoided (with its method), as rows for a chart
// and as CSV for a spreadsheet. Pure: the acts come in, the figures go out.
import type { ActType } from '../acts/encounter';
import { dayInFrance } from '../france-time';
import { totalAvoided, type TransportAvoided } from './transport-avoided';

export interface ActivityAct {
  act: ActType;
  specialty: string | null;
  status: 'draft' | 'in_progress' | 'awaiting_report' | 'closed';
  startedAt: string | null;
  endedAt: string | null;
  /** Null when the patient's commune or the expert's site is not known. */
  avoided: TransportAvoided | null;
}

export interface ActivityRow {
  month: string; // YYYY-MM, in France's time
  act: ActType;
  specialty: string;
  acts: number;
  /** Minutes from start to end, over the acts that have both. */
  minutes: number;
  km: number;
  /** Acts whose transport could not be estimated. */
  kmUnknown: number;
}

const monthOf = (iso: string) => dayInFrance(iso).slice(0, 7);

/** Acts carried out (started) grouped by month, act type and specialty; drafts are not activity. */
export function monthlyActivity(acts: readonly ActivityAct[]): { rows: ActivityRow[]; method: string | null } {
  const rows = new Map<string, ActivityRow>();
  const avoided: TransportAvoided[] = [];
  for (const a of acts) {
    if (a.status === 'draft' || !a.startedAt) continue;
    const specialty = a.specialty?.trim() || '—';
    const key = `${monthOf(a.startedAt)}|${a.act}|${specialty}`;
    const row = rows.get(key) ?? {
      month: monthOf(a.startedAt),
      act: a.act,
      specialty,
      acts: 0,
      minutes: 0,
      km: 0,
      kmUnknown: 0,
    };
    row.acts++;
    if (a.endedAt) row.minutes += Math.max(0, Math.round((Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 60_000));
    if (a.avoided) {
      row.km += a.avoided.km;
      avoided.push(a.avoided);
    } else row.kmUnknown++;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort(
    (x, y) =>
      x.month.localeCompare(y.month) || x.act.localeCompare(y.act) || x.specialty.localeCompare(y.specialty, 'fr'),
  );
  return { rows: sorted, method: totalAvoided(avoided)?.method ?? null };
}

/** A CSV field as RFC 4180 wants it, and never a formula a spreadsheet would run. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for a French spreadsheet (semicolons, CRLF), the transport method and any notes as last lines. */
export function activityCsv(
  station: string,
  activity: { rows: ActivityRow[]; method: string | null },
  notes: readonly string[] = [],
): string {
  const header = [
    'station',
    'mois',
    'type d’acte',
    'spécialité',
    'actes',
    'minutes',
    'km évités',
    'actes sans estimation de transport',
  ];
  const lines = [
    header,
    ...activity.rows.map((r) => [station, r.month, r.act, r.specialty, r.acts, r.minutes, r.km, r.kmUnknown]),
  ].map((cells) => cells.map(field).join(';'));
  if (activity.method) lines.push(field(`Méthode des km évités : ${activity.method}`));
  for (const note of notes) lines.push(field(note));
  return `${lines.join('\r\n')}\r\n`;
}
