// The identity form (create and edit): strict INS traits, used traits, status and INS.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INS_OID } from '../../../shared/ins';
import { IDENTITY_STATUSES, statusCarriesIns } from '../../../shared/patient';
import type { AppError } from '../../../shared/result';
import { FIELD_ORDER, toFormErrors } from './field-errors';
import { FormField } from './form-field';
import type { IdentityFormValues } from './identity-form-values';

interface Props {
  initial: IdentityFormValues;
  strictLocked: boolean; // traits retrieved from INSi are not edited by hand
  error: AppError | null;
  errorSerial: number; // changes at each failed submit, to move the focus again
  submitting: boolean;
  onSubmit(values: IdentityFormValues): void;
}

const OIDS = Object.entries(INS_OID) as [keyof typeof INS_OID, string][];

export function IdentityForm({ initial, strictLocked, error, errorSerial, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const { byField, other } = toFormErrors(error?.fields);
  const message = (field: keyof IdentityFormValues) => (byField[field] ? t(`fieldErrors.${byField[field]!.code}`) : undefined);
  const set = (field: keyof IdentityFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

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
  const text = (field: keyof IdentityFormValues, extra: { hint?: string; disabled?: boolean; autoComplete?: string } = {}) => (
    <FormField id={`identity-${field}`} label={t(`form.${field}`)} value={values[field]} onChange={set(field)} error={message(field)} hint={extra.hint} disabled={extra.disabled} autoComplete="off" />
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
                  <a href={`#identity-${field}`}>{t(`form.${field === 'insMatricule' ? 'insMatricule' : field}`)}</a> : {t(`fieldErrors.${e!.code}`)}
                </li>
              ))}
              {other.map((e) => (
                <li key={e.path}>
                  {e.path} : {t(`fieldErrors.${e.code}`)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset>
        <legend>{t('form.strictTraits')}</legend>
        {strictLocked && <p className="hint">{t('form.strictLocked')}</p>}
        {text('birthName', { disabled: strictLocked })}
        {text('firstName', { disabled: strictLocked })}
        {text('birthFirstNames', { hint: t('form.birthFirstNamesHint'), disabled: strictLocked })}
        {text('birthDate', { hint: t('form.birthDateHint'), disabled: strictLocked })}
        <fieldset className={`field radio-group${byField.sex ? ' field-invalid' : ''}`} aria-invalid={byField.sex ? true : undefined} aria-describedby={byField.sex ? 'identity-sex-error' : undefined} disabled={strictLocked}>
          <legend id="identity-sex">{t('form.sex')}</legend>
          {(['M', 'F', 'I'] as const).map((sex) => (
            <label key={sex} className="radio">
              <input type="radio" name="sex" value={sex} checked={values.sex === sex} onChange={set('sex')} />
              {t(`form.sexes.${sex}`)}
            </label>
          ))}
          {byField.sex && (
            <p id="identity-sex-error" className="error-text" role="alert">
              {message('sex')}
            </p>
          )}
        </fieldset>
        {text('birthplaceCode', { hint: t('form.birthplaceHint'), disabled: strictLocked })}
      </fieldset>

      <fieldset>
        <legend>{t('form.usedTraits')}</legend>
        {text('usedName')}
        {text('usedFirstName')}
      </fieldset>

      <fieldset>
        <legend>{t('form.ins')}</legend>
        <div className="field">
          <label htmlFor="identity-identityStatus">{t('form.identityStatus')}</label>
          <select id="identity-identityStatus" value={values.identityStatus} onChange={set('identityStatus')}>
            {IDENTITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`form.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {statusCarriesIns(values.identityStatus) && (
          <>
            {text('insMatricule', { hint: t('form.insMatriculeHint') })}
            <div className="field">
              <label htmlFor="identity-insOid">{t('form.insOid')}</label>
              <select id="identity-insOid" value={values.insOid} onChange={set('insOid')}>
                {OIDS.map(([name, oid]) => (
                  <option key={oid} value={oid}>
                    {t(`form.oids.${name}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('form.residence')}</legend>
        {text('residenceCode', { hint: t('form.residenceHint') })}
      </fieldset>

      <div className="actions">
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? t('form.saving') : t('form.save')}
        </button>
      </div>
    </form>
  );
}
