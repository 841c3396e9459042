// One line of the prescription being written, as a labelled group of fields: a medicine (name and
// strength, form, dose, route, frequency, duration, quantity, whether the generic is refused and
// why, details), or a non-drug prescription (its kind and its text). Each field error main
// returned sits under its field.
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OTHER_LINE_KINDS, type NonSubstitutableReason, type OtherLine } from '../../../shared/acts/prescription';
import { FormField, SelectField } from '../../ui/form-field';
import {
  MEDICATION_REQUIRED,
  type DraftLine,
  type DraftMedication,
  type DraftOther,
  type MedicationField,
} from './prescription-draft';

interface Props {
  line: DraftLine;
  /** Its place in the prescription, from 1. */
  n: number;
  /** Unique on the page: the act's id and the line's key. */
  idPrefix: string;
  /** The non-substitutable reasons this patient allows (EFG for a child under six only). */
  reasons: readonly NonSubstitutableReason[];
  /** Main's sentence for a field of this line, by field name ('' for the line as a whole). */
  errors: Record<string, string>;
  onChange(line: DraftLine): void;
  onRemove(): void;
}

// Laid out two by two in a grid; the name and the details take the whole width.
const TEXT_FIELDS: readonly Exclude<MedicationField, 'nonSubstitutable'>[] = [
  'name',
  'form',
  'dose',
  'route',
  'frequency',
  'duration',
  'quantity',
];
const required = new Set<string>(MEDICATION_REQUIRED);

function MedicationFields({
  line,
  idPrefix,
  reasons,
  errors,
  onChange,
}: Omit<Props, 'line' | 'n' | 'onRemove'> & {
  line: DraftMedication;
}) {
  const { t } = useTranslation();
  const text = (field: Exclude<MedicationField, 'nonSubstitutable'>) => ({
    id: `${idPrefix}-${field}`,
    label: t(`expertPrescription.fields.${field}`),
    value: line[field],
    error: errors[field],
    required: required.has(field),
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...line, [field]: e.target.value }),
  });
  // A reason no longer offered (a version signed when the child was younger) stays shown as it is:
  // main says why it cannot be signed again.
  const offered =
    line.nonSubstitutable && !reasons.includes(line.nonSubstitutable) ? [...reasons, line.nonSubstitutable] : reasons;
  return (
    <div className="prescription-medication">
      {TEXT_FIELDS.map((field) => (
        <FormField key={field} {...text(field)} />
      ))}
      <SelectField
        id={`${idPrefix}-nonSubstitutable`}
        label={t('expertPrescription.fields.nonSubstitutable')}
        value={line.nonSubstitutable ?? ''}
        options={[
          { value: '', label: t('expertPrescription.substitution.allowed') },
          ...offered.map((reason) => ({ value: reason, label: t(`expertPrescription.substitution.${reason}`) })),
        ]}
        error={errors.nonSubstitutable}
        onChange={(value) =>
          onChange({ ...line, nonSubstitutable: value === '' ? null : (value as NonSubstitutableReason) })
        }
      />
      <FormField
        id={`${idPrefix}-note`}
        label={t('expertPrescription.fields.note')}
        value={line.note}
        error={errors.note}
        onChange={(e) => onChange({ ...line, note: e.target.value })}
      />
    </div>
  );
}

function OtherFields({
  line,
  idPrefix,
  errors,
  onChange,
}: Omit<Props, 'line' | 'n' | 'onRemove' | 'reasons'> & {
  line: DraftOther;
}) {
  const { t } = useTranslation();
  const textId = `${idPrefix}-text`;
  return (
    <div className="prescription-other">
      <SelectField
        id={`${idPrefix}-kind`}
        label={t('expertPrescription.fields.kind')}
        value={line.kind}
        options={OTHER_LINE_KINDS.map((kind) => ({ value: kind, label: t(`expertPrescription.kinds.${kind}`) }))}
        onChange={(kind) => onChange({ ...line, kind: kind as OtherLine['kind'] })}
      />
      <div className={`field${errors.text ? ' field-invalid' : ''}`}>
        <label htmlFor={textId}>{t('expertPrescription.fields.text')}</label>
        <textarea
          id={textId}
          rows={2}
          value={line.text}
          required
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? `${textId}-error` : undefined}
          onChange={(e) => onChange({ ...line, text: e.target.value })}
        />
        {errors.text && (
          <p id={`${textId}-error`} className="error-text" role="alert">
            {errors.text}
          </p>
        )}
      </div>
    </div>
  );
}

export function PrescriptionLineFields(props: Props) {
  const { t } = useTranslation();
  const { line, n, errors, onRemove } = props;
  return (
    <fieldset className="prescription-line" data-testid="prescription-line">
      <legend>{t('expertPrescription.line', { n, kind: t(`expertPrescription.kinds.${line.kind}`) })}</legend>
      {line.kind === 'medication' ? (
        <MedicationFields {...props} line={line} />
      ) : (
        <OtherFields {...props} line={line} />
      )}
      {errors[''] && (
        <p className="error-text" role="alert">
          {errors['']}
        </p>
      )}
      <button type="button" className="prescription-remove" onClick={onRemove}>
        {t('expertPrescription.remove', { n })}
      </button>
    </fieldset>
  );
}
