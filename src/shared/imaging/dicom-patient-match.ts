// Does a study's patient, as the modality wrote it (PN "FAMILY^GIVEN", DA "YYYYMMDD", sex
// M/F/O), match the station's patient? Names are compared on their search keys (no accents,
// no separators), against the birth name and the used name; every difference is listed, so that
// the nurse sees why before she attaches images of someone else to this record.
import type { Patient } from '../patients/patient';
import { searchKey } from '../names';

export interface DicomDemographics {
  name: string | null;
  birthDate: string | null;
  sex: string | null;
}

export type DemographicDifference = 'family_name' | 'first_name' | 'birth_date' | 'sex' | 'name_missing';
/** The strict traits a study's patient is compared on. */
export type ComparedTrait = 'family_name' | 'first_name' | 'birth_date' | 'sex';
export const COMPARED_TRAITS: readonly ComparedTrait[] = ['family_name', 'first_name', 'birth_date', 'sex'];

const SEX: Record<string, Patient['sex']> = { M: 'M', F: 'F', O: 'I' };

/** DA (YYYYMMDD) to ISO; null when it is not a date. */
export function dicomDate(da: string | null): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(da?.trim() ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export function demographicDifferences(dicom: DicomDemographics, patient: Patient): DemographicDifference[] {
  const differences: DemographicDifference[] = [];
  const [family = '', given = ''] = (dicom.name ?? '').split('^');
  if (!searchKey(family)) differences.push('name_missing');
  else {
    const families = [patient.birthName, patient.usedName].filter((n): n is string => !!n).map(searchKey);
    if (!families.includes(searchKey(family))) differences.push('family_name');
    const firstNames = [patient.firstName, patient.usedFirstName, ...patient.birthFirstNames.split(' ')]
      .filter((n): n is string => !!n)
      .map(searchKey);
    // The modality may write all first names, or only the first: the first written must be one of hers.
    const firstWritten = searchKey(given.split(/[ ,]/)[0] ?? '');
    if (firstWritten && !firstNames.includes(firstWritten)) differences.push('first_name');
  }
  const birthDate = dicomDate(dicom.birthDate);
  if (birthDate && birthDate !== patient.birthDate) differences.push('birth_date');
  const sex = dicom.sex ? SEX[dicom.sex.trim().toUpperCase()] : undefined;
  if (sex && sex !== patient.sex) differences.push('sex');
  return differences;
}

/** The traits the study does not carry (or not readably): they could not be compared, and the screen says so. */
export function absentTraits(dicom: DicomDemographics): ComparedTrait[] {
  const [family = '', given = ''] = (dicom.name ?? '').split('^');
  const absent: ComparedTrait[] = [];
  if (!searchKey(family)) absent.push('family_name');
  if (!searchKey(given)) absent.push('first_name');
  if (!dicomDate(dicom.birthDate)) absent.push('birth_date');
  if (!(dicom.sex && SEX[dicom.sex.trim().toUpperCase()])) absent.push('sex');
  return absent;
}
