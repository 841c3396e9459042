// The home screen's line on the data folder's disk, for whoever looks after the station: free
// space and the reserve kept for the records, and the audit trail's events still in memory
// (waiting to be written, or lost past the memory's bound) after a full disk.
import { useTranslation } from 'react-i18next';
import type { DiskStatus } from '../../../shared/station/station';

const MB = 1024 * 1024;

export function DiskSpace({ disk }: { disk: DiskStatus }) {
  const { t } = useTranslation();
  return (
    <>
      {disk.freeBytes === null
        ? t('disk.unknown')
        : t('disk.free', { free: Math.floor(disk.freeBytes / MB), reserve: Math.ceil(disk.reserveBytes / MB) })}
      {disk.auditWaiting > 0 && (
        <p data-testid="audit-waiting">{t('disk.auditWaiting', { count: disk.auditWaiting })}</p>
      )}
      {disk.auditLost > 0 && (
        <p role="alert" className="error-text" data-testid="audit-lost">
          {t('disk.auditLost', { count: disk.auditLost })}
        </p>
      )}
    </>
  );
}
