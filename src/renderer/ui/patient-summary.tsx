// One patient in a list: the traits a nurse checks before opening a record.
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../shared/patients/patient';
import { toFrenchDate } from './parse-search';

export function PatientSummary({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  return (
    <span className="patient-summary">
      <strong>{patient.birthName}</strong> {patient.firstName}
      {patient.usedName && patient.usedName !== patient.birthName
        ? ` (${t('patients.usedName')} ${patient.usedName})`
        : ''}
      {' — '}
      {t('patients.born')} {toFrenchDate(patient.birthDate)} · {t(`form.sexes.${patient.sex}`)} ·{' '}
      {/* The status in words, as on the banner: a nurse need not know the RNIV's codes. */}
      {t(`banner.status.${patient.identityStatus}`)}
      {patient.identityStatus === 'QUAL' && <span className="badge">{t('patients.insQualified')}</span>}
    </span>
  );
}
