// The stroke's clock: time since last known well and since onset, and the countdown to the
// treatment windows counted from last known well (windows.ts, with its sources named on screen).
import { useTranslation } from 'react-i18next';
import type { StrokeSheet } from '../../../shared/stroke/sheet';
import { formatMinutes, type Timeline } from '../../../shared/stroke/timeline';
import { treatmentWindows } from '../../../shared/stroke/windows';
import { dateTimeText } from './stroke-format';

export function StrokeWindows({ sheet, now }: { sheet: StrokeSheet; now: Date }) {
  const { t, i18n } = useTranslation();
  const view = treatmentWindows(sheet.timeline as Timeline, sheet.timesUnknown, now);
  const basisAt = view.basis ? sheet.timeline[view.basis]!.at : null;
  const ivt = view.ivThrombolysisRemainingMinutes;
  const mt = view.thrombectomyRemainingMinutes;
  const mtExtended = view.thrombectomyExtendedRemainingMinutes;
  return (
    <div className="stroke-windows" data-testid="stroke-windows" role="group" aria-label={t('stroke.windows.title')}>
      <h4>{t('stroke.windows.title')}</h4>
      {view.basis === null || basisAt === null ? (
        <p className={view.bothUnknown ? 'warning-text' : 'hint'}>
          {view.bothUnknown ? t('stroke.windows.bothUnknown') : t('stroke.windows.noBasis')}
        </p>
      ) : (
        <>
          <p className="stroke-elapsed" data-testid="stroke-elapsed">
            {view.sinceOnsetMinutes !== null && view.sinceLastKnownWellMinutes !== null
              ? t('stroke.windows.sinceBoth', {
                  onset: formatMinutes(view.sinceOnsetMinutes),
                  lastKnownWell: formatMinutes(view.sinceLastKnownWellMinutes),
                })
              : t(`stroke.since.${view.basis}`, {
                  elapsed: formatMinutes((view.sinceLastKnownWellMinutes ?? view.sinceOnsetMinutes)!),
                })}
          </p>
          <p className="hint">
            {t(`stroke.windows.basis.${view.basis}`, { time: dateTimeText(basisAt, i18n.language) })}
          </p>
          <p data-testid="window-ivt" className={ivt! < 0 ? 'error-text' : 'stroke-countdown'}>
            {ivt! >= 0
              ? t('stroke.windows.ivt', { left: formatMinutes(ivt!) })
              : t('stroke.windows.ivtPassed', { over: formatMinutes(-ivt!) })}
          </p>
          <p data-testid="window-thrombectomy" className={mtExtended! < 0 ? 'error-text' : undefined}>
            {mt! >= 0
              ? t('stroke.windows.thrombectomy', { left: formatMinutes(mt!) })
              : mtExtended! >= 0
                ? t('stroke.windows.thrombectomyExtended', { left: formatMinutes(mtExtended!) })
                : t('stroke.windows.thrombectomyPassed')}
          </p>
        </>
      )}
      <p className="hint">{t('stroke.windows.source')}</p>
    </div>
  );
}
