// Files on their way to the region, one progress bar each: a 200 MB dermatoscope series on a
// pharmacy's line takes minutes, and the nurse should see it move rather than wonder.
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../shared/station/station';
import { formatNumber } from '../../ui/format';

const megabytes = (bytes: number) =>
  formatNumber(bytes / 1_000_000, bytes < 10_000_000 ? 1 : 0, bytes < 10_000_000 ? 1 : 0);

export function UploadProgress({ uploads }: { uploads: StationStatus['sync']['uploads'] }) {
  const { t } = useTranslation();
  if (uploads.length === 0) return null;
  return (
    <ul className="plain-list" aria-label={t('sync.uploads')}>
      {uploads.map((u) => {
        const percent = u.totalBytes > 0 ? Math.floor((u.sentBytes / u.totalBytes) * 100) : 0;
        const label = t('sync.upload', {
          kind: t(`sync.fileKinds.${u.kind}`, { defaultValue: u.kind }),
          sent: megabytes(u.sentBytes),
          total: megabytes(u.totalBytes),
          percent,
        });
        return (
          <li key={u.attachmentId}>
            <label>
              {label}
              <progress max={u.totalBytes || 1} value={u.sentBytes} aria-valuetext={`${percent} %`} />
            </label>
          </li>
        );
      })}
    </ul>
  );
}
