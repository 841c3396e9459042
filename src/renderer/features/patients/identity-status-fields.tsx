// The status a person may give: PROV or VALI. RECUP and QUAL come only from an INSi answer (the
// patient's screen), and stay offered once the record holds INSi's INS. A number typed or read
// from a card is kept apart, "to be checked": it never makes the identity RECUP or QUAL.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INS_OID } from '../../../shared/patients/ins';
import { IDENTITY_STATUSES } from '../../../shared/patients/patient';
import { SelectField } from '../../ui/form-field';
import type { FieldSetter } from './identity-form';
import type { IdentityFormValues } from './identity-form-values';

interface Props {
  values: IdentityFormValues;
  insFromInsi: boolean;
  setValue: FieldSetter;
  message(field: keyof IdentityFormValues): string | undefined;
  text(field: keyof IdentityFormValues, extra?: { hint?: string }): ReactNode;
}

const OIDS = Object.entries(INS_OID) as [keyof typeof INS_OID, string][];

export function IdentityStatusFields({ values, insFromInsi, setValue, message, text }: Props) {
  const { t } = useTranslation();
  const statuses = insFromInsi ? IDENTITY_STATUSES : (['PROV', 'VALI'] as const);
  return (
    <fieldset>
      <legend>{t('form.ins')}</legend>
      <SelectField
        id="identity-identityStatus"
        label={t('form.identityStatus')}
        value={values.identityStatus}
        onChange={(value) => setValue('identityStatus', value)}
        options={statuses.map((s) => ({ value: s, label: t(`vigilance.statuses.${s}`) }))}
        hint={insFromInsi ? undefined : t('vigilance.statusHint')}
        error={message('identityStatus')}
      />
      {!insFromInsi && (
        <>
          {text('typedInsMatricule', { hint: t('vigilance.typedIns.hint') })}
          {values.typedInsMatricule.trim() && (
            <SelectField
              id="identity-typedInsOid"
              label={t('vigilance.typedIns.oid')}
              value={values.typedInsOid}
              onChange={(value) => setValue('typedInsOid', value)}
              options={OIDS.map(([name, oid]) => ({ value: oid, label: t(`form.oids.${name}`) }))}
              error={message('typedInsOid')}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
