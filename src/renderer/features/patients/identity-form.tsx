// The identity form (create and edit): strict INS traits, used traits, the identity document
// checked, the status a person may give (PROV, VALI; RECUP and QUAL only kept once INSi gave
// them) and a number typed "to be checked".
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { FIELD_ORDER, toFormErrors } from './field-errors';
import { FormField } from '../../ui/form-field';
import { IdentityDocumentFields } from './identity-document-fields';
import { IdentityStatusFields } from './identity-status-fields';
import type { IdentityFormValues } from './identity-form-values';
import { ReasonedButton } from '../../ui/disabled-reason';

interface Props {
  initial: IdentityFormValues;
  /** The record holds an INS INSi gave: its strict traits are INSi's (not edited here), RECUP and QUAL can be kept. */
  insFromInsi: boolean;
  /** The professional at the station, offered as the one who checked the document. */
  checker: string;
  error: AppError | null;
  errorSerial: number; // changes at each failed submit, to move the focus again
  submitting: boolean;
  onSubmit(values: IdentityFormValues): void;
}

export type FieldSetter = (field: keyof IdentityFormValues, value: string) => void;

export function IdentityForm({ initial, insFromInsi, checker, error, errorSerial, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const { byField, other } = toFormErrors(error?.fields);
  const message = (field: keyof IdentityFormValues) =>
    byField[field] ? t(`fieldErrors.${byField[field]!.code}`, byField[field]!.params ?? {}) : undefined;
  const setValue: FieldSetter = (field, value) => setValues((v) => ({ ...v, [field]: value }));
  const labelOf = (field: keyof IdentityFormValues) => t(FIELD_LABELS[field] ?? `form.${field}`);

  useEffect(() => {
    if (!errorSerial) return;
    const first = FIELD_ORDER.find((f) => byField[f]);
    const element = first ? document.getElementById(`identity-${first}`) : document.getElementById('identity-errors');
    element?.focus();
    // Focus moves once per failed submit, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errorSerial]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const text = (field: keyof IdentityFormValues, extra: { hint?: string; disabled?: boolean } = {}) => (
    <FormField
      id={`identity-${field}`}
      label={labelOf(field)}
      value={values[field]}
      onChange={(e) => setValue(field, e.target.value)}
      error={message(field)}
      hint={extra.hint}
      disabled={extra.disabled}
      autoComplete="off"
    />
  );

  return (
    <form onSubmit={submit} noValidate className="identity-form">
      {error && (
        <div id="identity-errors" className="error-summary" role="alert" tabIndex={-1}>
          <p>{error.code === 'validation_failed' ? t('form.errorsTitle') : t(`errors.${error.code}`)}</p>
          {error.code === 'validation_failed' && (
            <ul>
              {[...Object.entries(byField)].map(([field, e]) => (
                <li key={field}>
                  <a href={`#identity-${field}`}>{labelOf(field as keyof IdentityFormValues)}</a> :{' '}
                  {t(`fieldErrors.${e!.code}`, e!.params ?? {})}
                </li>
              ))}
              {other.map((e) => (
                <li key={e.path}>
                  {e.path} : {t(`fieldErrors.${e.code}`, e.params ?? {})}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset>
        <legend>{t('form.strictTraits')}</legend>
        {insFromInsi && <p className="hint">{t('vigilance.insi.verifyHint')}</p>}
        {text('birthName', { disabled: insFromInsi })}
        {text('firstName', { disabled: insFromInsi })}
        {text('birthFirstNames', { hint: t('vigilance.birthFirstNamesHint'), disabled: insFromInsi })}
        {text('birthDate', { hint: t('form.birthDateHint'), disabled: insFromInsi })}
        <fieldset
          className={`field radio-group${byField.sex ? ' field-invalid' : ''}`}
          aria-invalid={byField.sex ? true : undefined}
          aria-describedby={byField.sex ? 'identity-sex-error' : undefined}
          disabled={insFromInsi}
        >
          <legend id="identity-sex">{t('form.sex')}</legend>
          {(['M', 'F', 'I'] as const).map((sex) => (
            <label key={sex} className="radio">
              <input
                type="radio"
                name="sex"
                value={sex}
                checked={values.sex === sex}
                onChange={() => setValue('sex', sex)}
              />
              {t(`form.sexes.${sex}`)}
            </label>
          ))}
          {byField.sex && (
            <p id="identity-sex-error" className="error-text" role="alert">
              {message('sex')}
            </p>
          )}
        </fieldset>
        {text('birthplaceCode', { hint: t('form.birthplaceHint'), disabled: insFromInsi })}
      </fieldset>

      <fieldset>
        <legend>{t('form.usedTraits')}</legend>
        {text('usedName')}
        {text('usedFirstName')}
      </fieldset>

      <IdentityDocumentFields
        values={values}
        initial={initial}
        checker={checker}
        setValue={setValue}
        message={message}
        text={text}
      />
      <IdentityStatusFields
        values={values}
        insFromInsi={insFromInsi}
        setValue={setValue}
        message={message}
        text={text}
      />

      <fieldset>
        <legend>{t('form.residence')}</legend>
        {text('residenceCode', { hint: t('form.residenceHint') })}
      </fieldset>

      <div className="actions">
        <ReasonedButton type="submit" className="primary" reason={submitting ? t('why.busy') : null}>
          {submitting ? t('form.saving') : t('form.save')}
        </ReasonedButton>
      </div>
    </form>
  );
}

/** The fields whose label is not form.<field>. */
const FIELD_LABELS: Partial<Record<keyof IdentityFormValues, string>> = {
  birthFirstNames: 'vigilance.birthFirstNames',
  documentType: 'vigilance.document.type',
  parentDocument: 'vigilance.document.parentDocument',
  checkedBy: 'vigilance.document.checkedBy',
  checkedOn: 'vigilance.document.checkedOn',
  typedInsMatricule: 'vigilance.typedIns.matricule',
  typedInsOid: 'vigilance.typedIns.oid',
};
