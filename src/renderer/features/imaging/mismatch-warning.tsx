// A PACS study refused because its patient differs from the record's: the record's traits beside
// the study's, and its retrieval only once a named person confirms this very study.
import { useTranslation } from 'react-i18next';
import type { DemographicDifference } from '../../../shared/imaging/dicom-patient-match';
import type { Patient } from '../../../shared/patients/patient';
import type { FieldError } from '../../../shared/result';
import { StudyIdentityCheck, type StudyPatient } from './study-identity-check';

/** The mismatch refusals of an import, if that is all it refused for. */
export function mismatchesOf(fields: FieldError[] | undefined): FieldError[] {
  const mismatch = fields?.filter((f) => f.code === 'imaging.patient_mismatch') ?? [];
  return mismatch.length && mismatch.length === fields?.length ? mismatch : [];
}

export function MismatchWarning(props: {
  record: Patient;
  study: StudyPatient;
  mismatch: FieldError;
  busy: boolean;
  onAccept(by: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const differences = String(props.mismatch.params?.differences ?? '')
    .split(',')
    .filter(Boolean) as DemographicDifference[];
  return (
    <div role="alert" className="warning-block">
      <p>
        <strong>{t('imaging.mismatchTitle')}</strong>
      </p>
      <StudyIdentityCheck
        record={props.record}
        study={props.study}
        differences={differences}
        confirmedBy={null}
        busy={props.busy}
        onConfirm={props.onAccept}
        onUndo={() => {}}
      />
      <div className="actions start">
        <button type="button" onClick={props.onCancel}>
          {t('imaging.cancel')}
        </button>
      </div>
    </div>
  );
}
