// What a clinician sees of the station's health: one plain sentence, and whom to call. The details
// (paths, servers, keys, sync errors) are on the "Technique" page, for the IT support.
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../shared/station/station';
import { useView } from '../../ui/view-store';

/** Something the IT support must look at; the banners (disk, database, offline) say their own part. */
function needsCheck(status: StationStatus): boolean {
  const { sync, hub, disk, database } = status;
  return (
    sync.parked > 0 ||
    sync.conflicts > 0 ||
    sync.auditRefused > 0 ||
    sync.lastError !== null ||
    hub.token?.state === 'expired' ||
    disk.full ||
    database.state !== 'ok'
  );
}

export function HealthNote({ status }: { status: StationStatus | null }) {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
  if (!status) return null;
  const problem = needsCheck(status);
  return (
    <p className={problem ? 'health-note error-text' : 'health-note'} data-testid="health-note">
      {problem ? t('roleHome.health.problem') : t('roleHome.health.ok')}{' '}
      {/* The IT support the hospital named (RELAIS_SUPPORT_CONTACT), else its plain default. */}
      {t('roleHome.health.whom', { contact: status.supportContact ?? t('roleHome.health.defaultContact') })}{' '}
      <button type="button" className="link" onClick={() => show({ name: 'technique' })}>
        {t('roleHome.health.details')}
      </button>
    </p>
  );
}
