// The patient banner: whom this screen is about, kept in view on every act, call, imaging and
// stroke screen, so that a hurried clinician never records on the wrong patient (identity
// vigilance: names, birth date and age, sex and identity status, the warning when not qualified).
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../shared/patients/patient';
import { ageInYears } from '../../shared/stroke/thrombolysis-dose';
import { toFrenchDate } from './parse-search';
import './patient-banner.css';

export function PatientBanner({ patient, now = new Date() }: { patient: Patient; now?: Date }) {
  const { t } = useTranslation();
  const qualified = patient.identityStatus === 'QUAL';
  const used = patient.usedName && patient.usedName !== patient.birthName ? patient.usedName : null;
  const usedFirst = patient.usedFirstName && patient.usedFirstName !== patient.firstName ? patient.usedFirstName : null;
  return (
    <section className="patient-banner" aria-label={t('banner.label')} data-identity-status={patient.identityStatus}>
      <span className="patient-banner-names">
        <strong>{patient.birthName}</strong> {patient.firstName}
        {(used || usedFirst) && (
          <span className="patient-banner-used">
            {' '}
            ({t('patients.usedName')} {[used, usedFirst].filter(Boolean).join(' ')})
          </span>
        )}
      </span>
      <span>
        {t('banner.born', { date: toFrenchDate(patient.birthDate) })} ·{' '}
        {t('banner.age', { count: ageInYears(patient.birthDate, now) })}
      </span>
      <span>{t(`banner.sexes.${patient.sex}`)}</span>
      <span className={qualified ? 'badge' : 'badge badge-warning'}>
        {t(`banner.status.${patient.identityStatus}`)}
      </span>
      {qualified && patient.ins && <span>{t('banner.ins', { matricule: patient.ins.matricule })}</span>}
      {!qualified && (
        <span className="patient-banner-warning" role="note">
          {t('banner.notQualified')}
        </span>
      )}
    </section>
  );
}
