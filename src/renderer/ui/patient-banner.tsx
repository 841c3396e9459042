// The patient banner: whom this screen is about, kept in view on every act, call, imaging and
// stroke screen, so that a hurried clinician never records on the wrong patient (identity
// vigilance: names, birth date and age, sex and identity status, the warning when not qualified).
// The expert's station shows the same banner for a patient known only from the region's record, or
// from the act's context the requesting station sent over the call.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActContextPatient } from '../../shared/calls/act-context';
import { IdentityStatusSchema, type IdentityStatus, type Patient } from '../../shared/patients/patient';
import { ageInYears } from '../../shared/stroke/thrombolysis-dose';
import { toFrenchDate } from './parse-search';
import './patient-banner.css';

interface BannerTraits {
  names: ReactNode;
  birthDate: string | null;
  sex: 'F' | 'M' | 'I' | null;
  /** null: the record does not say; shown as not qualified, the careful reading. */
  identityStatus: IdentityStatus | null;
  ins: string | null;
}

function BannerView({ traits, now, children }: { traits: BannerTraits; now: Date; children?: ReactNode }) {
  const { t } = useTranslation();
  const { birthDate, sex, identityStatus, ins } = traits;
  const qualified = identityStatus === 'QUAL';
  return (
    <section className="patient-banner" aria-label={t('banner.label')} data-identity-status={identityStatus ?? ''}>
      <span className="patient-banner-names">{traits.names}</span>
      {birthDate && (
        <span>
          {t('banner.born', { date: toFrenchDate(birthDate) })} ·{' '}
          {t('banner.age', { count: ageInYears(birthDate, now) })}
        </span>
      )}
      {sex && <span>{t(`banner.sexes.${sex}`)}</span>}
      {identityStatus && (
        <span className={qualified ? 'badge' : 'badge badge-warning'}>{t(`banner.status.${identityStatus}`)}</span>
      )}
      {qualified && ins && <span>{t('banner.ins', { matricule: ins })}</span>}
      {!qualified && (
        <span className="patient-banner-warning" role="note">
          {t('banner.notQualified')}
        </span>
      )}
      {children}
    </section>
  );
}

/** The names of a patient: birth name and first name, then the used ones when they differ. */
function BannerNames({ names }: { names: Pick<Patient, 'birthName' | 'firstName' | 'usedName' | 'usedFirstName'> }) {
  const { t } = useTranslation();
  const used = names.usedName && names.usedName !== names.birthName ? names.usedName : null;
  const usedFirst = names.usedFirstName && names.usedFirstName !== names.firstName ? names.usedFirstName : null;
  return (
    <>
      <strong>{names.birthName}</strong> {names.firstName}
      {(used || usedFirst) && (
        <span className="patient-banner-used">
          {' '}
          ({t('patients.usedName')} {[used, usedFirst].filter(Boolean).join(' ')})
        </span>
      )}
    </>
  );
}

export function PatientBanner({ patient, now = new Date() }: { patient: Patient; now?: Date }) {
  return (
    <BannerView
      traits={{
        names: <BannerNames names={patient} />,
        birthDate: patient.birthDate,
        sex: patient.sex,
        identityStatus: patient.identityStatus,
        ins: patient.ins?.matricule ?? null,
      }}
      now={now}
    />
  );
}

/**
 * The banner on the expert's station, from the act's context the requesting station sent over the
 * call. `children`: what the call adds on the banner's last line (the act's reason), so that the
 * video keeps its height.
 */
export function ContextPatientBanner({
  patient,
  now = new Date(),
  children,
}: {
  patient: ActContextPatient;
  now?: Date;
  children?: ReactNode;
}) {
  return (
    <BannerView
      traits={{
        names: <BannerNames names={patient} />,
        birthDate: patient.birthDate,
        sex: patient.sex,
        identityStatus: patient.identityStatus,
        // The context carries an INS only with a qualified identity (its schema refuses it otherwise).
        ins: patient.ins?.matricule ?? null,
      }}
      now={now}
    >
      {children}
    </BannerView>
  );
}

const SEX_OF_GENDER: Record<string, 'F' | 'M' | 'I'> = { female: 'F', male: 'M', other: 'I' };

/** The banner for a patient read from the region's record (FHIR: one name, a gender, a status code). */
export function RegionPatientBanner({
  patient,
  now = new Date(),
}: {
  patient: {
    name: string;
    birthDate: string | null;
    sex: string | null;
    ins: string | null;
    identityStatus: string | null;
  };
  now?: Date;
}) {
  const status = IdentityStatusSchema.safeParse(patient.identityStatus);
  return (
    <BannerView
      traits={{
        names: <strong>{patient.name}</strong>,
        birthDate: patient.birthDate,
        sex: patient.sex ? (SEX_OF_GENDER[patient.sex] ?? null) : null,
        identityStatus: status.success ? status.data : null,
        ins: patient.ins,
      }}
      now={now}
    />
  );
}
