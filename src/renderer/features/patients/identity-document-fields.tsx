// The identity document checked (RNIV: VALI and QUAL rest on a high-trust document): its type, a
// parent's document beside a family record book (a minor), who checked it and on which day.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_DOCUMENT_TYPES, PARENT_DOCUMENT_TYPES } from '../../../shared/patients/identity-document';
import { statusNeedsDocument } from '../../../shared/patients/patient';
import { SelectField } from '../../ui/form-field';
import type { FieldSetter } from './identity-form';
import { todayTyped, type IdentityFormValues } from './identity-form-values';

interface Props {
  values: IdentityFormValues;
  initial: IdentityFormValues;
  checker: string;
  setValue: FieldSetter;
  message(field: keyof IdentityFormValues): string | undefined;
  text(field: keyof IdentityFormValues, extra?: { hint?: string }): ReactNode;
}

export function IdentityDocumentFields({ values, initial, checker, setValue, message, text }: Props) {
  const { t } = useTranslation();
  const chooseType = (type: string) => {
    setValue('documentType', type);
    // Checked now, by the one at the station, unless said otherwise.
    if (type && !values.checkedBy) setValue('checkedBy', checker);
    if (type && !values.checkedOn) setValue('checkedOn', todayTyped());
  };
  // An identity validated before documents were recorded (issue 18) keeps its status once one is named.
  const notRecorded = statusNeedsDocument(initial.identityStatus) && !initial.documentType;
  return (
    <fieldset>
      <legend>{t('vigilance.document.legend')}</legend>
      {notRecorded && <p className="hint warning-text">{t('vigilance.document.notRecorded')}</p>}
      <SelectField
        id="identity-documentType"
        label={t('vigilance.document.type')}
        value={values.documentType}
        onChange={chooseType}
        options={[
          { value: '', label: t('vigilance.document.none') },
          ...IDENTITY_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`vigilance.document.types.${type}`) })),
        ]}
        hint={t('vigilance.document.hint')}
        error={message('documentType')}
      />
      {values.documentType === 'family_record_book' && (
        <SelectField
          id="identity-parentDocument"
          label={t('vigilance.document.parentDocument')}
          value={values.parentDocument}
          onChange={(value) => setValue('parentDocument', value)}
          options={[
            { value: '', label: '—' },
            ...PARENT_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`vigilance.document.types.${type}`) })),
          ]}
          error={message('parentDocument')}
        />
      )}
      {values.documentType && (
        <>
          {text('checkedBy')}
          {text('checkedOn', { hint: t('vigilance.document.checkedOnHint') })}
        </>
      )}
    </fieldset>
  );
}
