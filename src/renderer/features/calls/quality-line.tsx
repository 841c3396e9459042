// Connection quality in one plain line: level, round trip, loss, received bitrate, video frames.
import { useTranslation } from 'react-i18next';
import type { Quality } from '../../webrtc/connection-quality';

export function QualityLine({ quality }: { quality: Quality | null }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null, digits: number, unit: string) =>
    v === null
      ? t('calls.quality.na')
      : `${v.toLocaleString(i18n.language, { maximumFractionDigits: digits })} ${unit}`;
  const q = quality;
  return (
    <p
      className={`quality quality-${q?.level ?? 'unknown'}`}
      role="status"
      aria-label={t('calls.quality.title')}
      data-testid="call-quality"
      data-frames-decoded={q?.framesDecoded ?? 0}
      data-route={q?.route ?? ''}
    >
      {t('calls.quality.line', {
        level: t(`calls.quality.levels.${q?.level ?? 'unknown'}`),
        rtt: n(q?.rttMs ?? null, 0, 'ms'),
        loss: n(q?.lossPercent ?? null, 1, '%'),
        kbps: n(q?.receiveKbps ?? null, 0, 'kbit/s'),
        fps: n(q?.framesPerSecond ?? null, 0, 'img/s'),
        route: q?.route ? `, ${t(`calls.quality.routes.${q.route}`)}` : '',
      })}
    </p>
  );
}
