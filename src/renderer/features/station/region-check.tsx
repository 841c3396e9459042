// What the station found when it checked that the regional server still holds what it sent
// (its reconciliation): when it last checked, the records it found missing and sent again (or is
// sending), and for the regional IT what it could not check or can no longer send.
import { useTranslation } from 'react-i18next';
import type { SyncDetails } from '../../../shared/station/station';

export function RegionCheck({ check }: { check: SyncDetails['reconciliation'] }) {
  const { t, i18n } = useTranslation();
  if (!check) return null;
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const resend = check.lastResend;
  return (
    <section aria-label={t('sync.regionCheck.title')}>
      <p className="hint">
        {check.checkedAt ? t('sync.regionCheck.checked', { when: when(check.checkedAt) }) : t('sync.regionCheck.never')}
      </p>
      {resend && (
        <p role="status">
          {resend.resentAt
            ? t('sync.regionCheck.resent', { count: resend.records, when: when(resend.resentAt) })
            : t('sync.regionCheck.resending', { count: resend.records, left: check.resending })}
          {resend.refused > 0 && <> {t('sync.regionCheck.refused', { count: resend.refused })}</>}
        </p>
      )}
      {check.auditGap && <p className="error-text">{t('sync.regionCheck.auditGap', check.auditGap)}</p>}
      {check.unchecked.map((what) => (
        <p key={what} className="hint">
          {t('sync.regionCheck.unchecked', { what })}
        </p>
      ))}
    </section>
  );
}
