// The tele-stroke sheet of an act, kept on the station that owns the act: each change applied
// in one transaction with its line in the append-only journal (who, when, what), refused once
// the act is closed, and refused when the sheet's rules say so (refusals.ts: a thrombolysis
// decision over an open or positive checklist, a minor's without confirmation...), whichever
// screen sent it. Who made a change is given by the caller: the person at this station, or
// the neurologist as the hub named her when the change came over the call.
import { strokeChangeRefusal } from '../../shared/stroke/refusals';
import type { StrokeChange, StrokeSheet } from '../../shared/stroke/sheet';
import { applyStrokeChange, emptySheet, StrokeSheetSchema } from '../../shared/stroke/sheet';
import { ageInYears } from '../../shared/stroke/thrombolysis-dose';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from '../acts';
import type { PatientRepository } from '../patients';

export interface StrokeServiceDeps {
  db: Db;
  encounters: EncounterRepository;
  /** The patient of the act: her age decides whether a thrombolysis asks for a confirmation. */
  patients: Pick<PatientRepository, 'get'>;
  now: () => Date;
  onChanged: (encounterId: string) => void;
}

export function createStrokeService({ db, encounters, patients, now, onChanged }: StrokeServiceDeps) {
  const sheetStmt = db.prepare<[string], { sheet: string }>('SELECT sheet FROM stroke_sheets WHERE encounter_id = ?');
  const saveStmt = db.prepare(
    'INSERT INTO stroke_sheets (encounter_id, version, sheet, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (encounter_id) DO UPDATE SET version = excluded.version, sheet = excluded.sheet, updated_at = excluded.updated_at',
  );
  const journalStmt = db.prepare(
    'INSERT INTO stroke_changes (encounter_id, version, change, by, at) VALUES (?, ?, ?, ?, ?)',
  );

  function sheetOf(encounterId: string): StrokeSheet {
    if (!encounters.get(encounterId)) throw new AppFailure('not_found', 'This act is not recorded on this station.');
    const row = sheetStmt.get(encounterId);
    // Written by this service only; parsed anyway, so that a damaged row says so rather than misleads.
    return row ? StrokeSheetSchema.parse(JSON.parse(row.sheet)) : emptySheet(encounterId);
  }

  return {
    sheet: sheetOf,

    change(encounterId: string, change: StrokeChange, by: string): StrokeSheet {
      const sheet = db.transaction(() => {
        const act = encounters.get(encounterId);
        if (!act) throw new AppFailure('not_found', 'This act is not recorded on this station.');
        if (act.status === 'closed') throw fieldFailure('encounterId', 'encounter.closed');
        const at = now().toISOString();
        const current = sheetOf(encounterId);
        const patient = patients.get(act.patientId);
        // SECURITY: the same rules as the screen's, here, so that no sender (the other side of
        // the call, an older screen) records a decision the sheet's rules refuse.
        const refusal = strokeChangeRefusal(current, change, {
          ageYears: patient ? ageInYears(patient.birthDate, now()) : null,
        });
        if (refusal) throw fieldFailure('change', refusal.code, refusal.params);
        const next = applyStrokeChange(current, change, by, at);
        saveStmt.run(encounterId, next.version, JSON.stringify(next), at);
        journalStmt.run(encounterId, next.version, JSON.stringify(change), by, at);
        return next;
      })();
      onChanged(encounterId);
      return sheet;
    },
  };
}
