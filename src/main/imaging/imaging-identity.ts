// May each study of an import go into this patient's record? A study already filed under another
// patient never may. One whose patient traits, as the modality wrote them, differ from the
// record's strict traits (RNIV volet 1: birth name, first names, birth date, sex) goes in only
// with a confirmation for that very study, naming the person who compared them side by side.
// SECURITY: checked here whatever the screen sent; a name given for one study covers no other.
import { demographicDifferences, type DemographicDifference } from '../../shared/imaging/dicom-patient-match';
import type { ScannedStudy } from '../../shared/imaging/imaging';
import type { Patient } from '../../shared/patients/patient';
import type { FieldError } from '../../shared/result';

export interface StudyConfirmation {
  studyUid: string;
  checkedBy: string;
}

/** A study filed although its traits differ from the record's: who confirmed it, and what differed. */
export interface IdentityOverride {
  studyUid: string;
  patientId: string;
  checkedBy: string;
  differences: DemographicDifference[];
  dicomPatient: ScannedStudy['patient'];
}

export interface IdentityCheck {
  problems: FieldError[];
  /** The overrides to record, by study; studies whose traits agree are not in it. */
  overrides: Map<string, IdentityOverride>;
}

export function checkStudyIdentities(
  studies: ScannedStudy[],
  patient: Patient,
  confirmations: StudyConfirmation[],
  ownerOf: (studyUid: string) => string | null,
): IdentityCheck {
  const problems: FieldError[] = [];
  const confirmed = new Map<string, string>();
  for (const { studyUid, checkedBy } of confirmations) {
    if (confirmed.has(studyUid))
      problems.push({ path: 'confirmations', code: 'imaging.confirmation_twice', params: { study: studyUid } });
    else if (!studies.some((s) => s.studyUid === studyUid))
      problems.push({ path: 'confirmations', code: 'imaging.confirmation_without_study', params: { study: studyUid } });
    confirmed.set(studyUid, checkedBy);
  }
  const overrides = new Map<string, IdentityOverride>();
  for (const study of studies) {
    const owner = ownerOf(study.studyUid);
    if (owner && owner !== patient.id)
      problems.push({ path: 'studyUids', code: 'imaging.study_of_another_patient', params: { study: study.studyUid } });
    const differences = demographicDifferences(study.patient, patient);
    if (differences.length === 0) continue;
    const checkedBy = confirmed.get(study.studyUid);
    if (checkedBy)
      overrides.set(study.studyUid, {
        studyUid: study.studyUid,
        patientId: patient.id,
        checkedBy,
        differences,
        dicomPatient: study.patient,
      });
    else {
      const params = {
        study: study.studyUid,
        differences: differences.join(','),
        name: study.patient.name ?? '',
        birthDate: study.patient.birthDate ?? '',
      };
      problems.push({ path: 'studyUids', code: 'imaging.patient_mismatch', params });
    }
  }
  return { problems, overrides };
}
