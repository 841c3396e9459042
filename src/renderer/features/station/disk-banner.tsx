// The banner on every screen while the station's disk is full: what is refused (everything new,
// or new files only, to keep room for the records), how much to free and what to do. Nothing
// while there is room.
import { useTranslation } from 'react-i18next';
import type { DiskStatus } from '../../../shared/station/station';

const MB = 1024 * 1024;

export function DiskBanner({ disk }: { disk: DiskStatus | undefined }) {
  const { t } = useTranslation();
  if (!disk?.full) return null;
  return (
    <div className="banner banner-disk" role="alert" data-testid="disk-banner">
      <strong>{t('disk.title')}</strong> — {t(disk.writesRefused ? 'disk.writesRefused' : 'disk.filesRefused')}{' '}
      {t('disk.whatToDo', { needed: Math.max(1, Math.ceil(disk.neededBytes / MB)) })}
    </div>
  );
}
