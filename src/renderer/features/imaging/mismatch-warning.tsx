// Images whose patient differs from the record's: what differs, and an import only once the
// person names herself as having checked them (from a drive or from the PACS alike).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/result';

export const dicomDate = (da: string | null) => (da && /^\d{8}$/.test(da) ? `${da.slice(6, 8)}/${da.slice(4, 6)}/${da.slice(0, 4)}` : '—');
export const personName = (pn: string | null) => (pn ? pn.split('^').filter(Boolean).join(' ') : '—');

/** The mismatch refusals of an import, if that is all it refused for. */
export function mismatchesOf(fields: FieldError[] | undefined): FieldError[] {
  const mismatch = fields?.filter((f) => f.code === 'imaging.patient_mismatch') ?? [];
  return mismatch.length && mismatch.length === fields?.length ? mismatch : [];
}

export function MismatchWarning({ mismatches, busy, onAccept, onCancel }: { mismatches: FieldError[]; busy: boolean; onAccept(by: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [checkedBy, setCheckedBy] = useState('');
  return (
    <div role="alert" className="card warning">
      <p>
        <strong>{t('imaging.mismatchTitle')}</strong>
      </p>
      <ul>
        {mismatches.map((m) => (
          <li key={String(m.params?.study)}>
            {t('fieldErrors.imaging.patient_mismatch', {
              name: personName(String(m.params?.name ?? '')),
              birthDate: dicomDate(String(m.params?.birthDate ?? '')),
              differences: String(m.params?.differences ?? '')
                .split(',')
                .map((d) => t(`imaging.differences.${d}`, { defaultValue: d }))
                .join(', '),
            })}
          </li>
        ))}
      </ul>
      <label>
        {t('imaging.checkedBy')}
        <input value={checkedBy} onChange={(e) => setCheckedBy(e.target.value)} maxLength={200} autoComplete="name" />
      </label>
      <div className="actions start">
        <button type="button" disabled={busy || !checkedBy.trim()} onClick={() => onAccept(checkedBy.trim())}>
          {t('imaging.importAnyway')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('imaging.cancel')}
        </button>
      </div>
    </div>
  );
}
