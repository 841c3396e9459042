// Which code a professional bills for a telemedicine act on a given date, from the one table
// (act-codes-table.ts). None is an answer too, said with the reason: an act before its code
// existed, or a profession that cannot bill that act.
import { ACT_CODES, type ActCodeLine, type ActRole, type AssistSetting, type Profession } from './act-codes-table';

export interface ActCodeQuery {
  act: 'teleconsultation' | 'teleexpertise';
  role: ActRole;
  profession: Profession;
  /** The day of the act, YYYY-MM-DD. */
  date: string;
  /** Téléexpertise before April 2022. */
  level?: 1 | 2;
  /** A nurse's assistance. */
  setting?: AssistSetting;
}

export type ActCodeAnswer =
  | { ok: true; line: ActCodeLine }
  | { ok: false; reason: 'no_code_on_date' | 'profession_cannot_bill' | 'level_needed' | 'setting_needed' };

export function actCodeFor(q: ActCodeQuery): ActCodeAnswer {
  const forProfession = ACT_CODES.filter(
    (l) => l.act === q.act && l.role === q.role && l.professions.includes(q.profession),
  );
  if (forProfession.length === 0) return { ok: false, reason: 'profession_cannot_bill' };
  const onDate = forProfession.filter((l) => l.from <= q.date && (l.to === null || q.date <= l.to));
  if (onDate.length === 0) return { ok: false, reason: 'no_code_on_date' };
  let matching = onDate;
  if (matching.some((l) => l.level !== undefined)) {
    if (!q.level) return { ok: false, reason: 'level_needed' };
    matching = matching.filter((l) => l.level === q.level);
  }
  if (matching.some((l) => l.setting !== undefined)) {
    if (!q.setting) return { ok: false, reason: 'setting_needed' };
    matching = matching.filter((l) => l.setting === q.setting);
  }
  const line = matching[0];
  return line ? { ok: true, line } : { ok: false, reason: 'profession_cannot_bill' };
}
