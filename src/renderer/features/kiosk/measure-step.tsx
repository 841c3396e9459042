// The measurements of the session: SpO2 and pulse from the connected oximeter, then blood
// pressure, temperature and weight as typed; each is recorded in the act as soon as it is taken,
// so nothing is lost if the session is interrupted.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation, Vital } from '../../../shared/acts/encounter';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { needAuthor } from '../../ui/author-store';
import { deviceLabel, useDevices } from '../../ui/devices-store';
import { useKiosk } from './kiosk-store';
import { BloodPressureCapture } from './blood-pressure-capture';
import { ManualVital, type ManualKind } from './manual-vital';
import { OximeterCapture } from './oximeter-capture';
import { useVitalText } from '../../ui/vital-check';

const MANUAL: ManualKind[] = ['blood_pressure', 'body_temperature', 'body_weight'];

export function MeasureStep({ onNext }: { onNext(): void }) {
  const { t } = useTranslation();
  const vitalText = useVitalText();
  const session = useKiosk((s) => s.session);
  const { devices, load } = useDevices();
  const [problems, setProblems] = useState<Partial<Record<ManualKind, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!devices) void load();
  }, [devices, load]);
  const oximeter = devices?.find((d) => d.kind === 'oximeter' && d.state === 'connected');
  const monitor = devices?.find((d) => d.kind === 'blood_pressure');
  const [typeBloodPressure, setTypeBloodPressure] = useState(false);

  const errorText = useCallback(
    (error: AppError) =>
      error.fields?.length
        ? error.fields.map((f) => t(`fieldErrors.${f.code}`, f.params ?? {})).join(' ')
        : t(`errors.${error.code}`),
    [t],
  );

  const record = useCallback(
    async (vital: Vital, device: string | null, unusualConfirmed = false): Promise<string | null> => {
      const { encounter } = useKiosk.getState().session;
      if (!encounter) return null;
      // The pharmacist takes the measurements: the session's author, asked only if nobody said it.
      const author = await needAuthor('pharmacist');
      if (!author) return t('kiosk.identify.pharmacistMissing');
      const result = await relais.invoke('encounters.observe', {
        encounterId: encounter.id,
        vital,
        takenAt: new Date().toISOString(),
        method: device ? 'device' : 'manual',
        device,
        takenBy: author.name,
        unusualConfirmed,
      });
      if (!result.ok) return errorText(result.error);
      useKiosk.getState().update({ observations: [...useKiosk.getState().session.observations, result.value] });
      return null;
    },
    [t, errorText],
  );

  // A measurement names its device as people read it, never by its id ("oximeter-1").
  const named = useCallback((id: string) => deviceLabel(devices, id) ?? t('devices.unnamed'), [devices, t]);
  const onSteady = useCallback(
    (values: { spo2: number; pulseRate: number }) => {
      void (async () => {
        const error =
          (await record({ code: 'spo2', value: values.spo2, unit: '%' }, oximeter ? named(oximeter.id) : null)) ??
          (await record(
            { code: 'heart_rate', value: values.pulseRate, unit: '/min' },
            oximeter ? named(oximeter.id) : null,
          ));
        if (error) setFailure(error);
      })();
    },
    [record, oximeter, named],
  );

  async function saveManual(kind: ManualKind, vital: Vital, unusualConfirmed: boolean) {
    const error = await record(vital, null, unusualConfirmed);
    setProblems((p) => ({ ...p, [kind]: error ?? undefined }));
  }

  const has = (code: Vital['code']) => session.observations.some((o: Observation) => o.vital.code === code);
  const oximetryDone = has('spo2') && has('heart_rate');
  return (
    <section className="kiosk-card" aria-labelledby="kiosk-measure-title">
      <h2 id="kiosk-measure-title">{t('kiosk.measure.title')}</h2>
      <section aria-labelledby="kiosk-oximeter-title" className="kiosk-measure">
        <h3 id="kiosk-oximeter-title">{t('kiosk.measure.oximeter.title')}</h3>
        {oximetryDone ? (
          <p className="ok-text">{t('kiosk.measure.oximeter.recorded')}</p>
        ) : oximeter ? (
          <OximeterCapture device={oximeter} onSteady={onSteady} />
        ) : (
          <p role="alert" className="error-text">
            {t('kiosk.measure.oximeter.missing')}
          </p>
        )}
        {failure && (
          <p role="alert" className="error-text">
            {failure}
          </p>
        )}
      </section>
      <div className="kiosk-manual">
        {monitor && !typeBloodPressure && !has('blood_pressure') && session.encounter && (
          <div>
            <BloodPressureCapture
              device={monitor}
              sessionStartedAt={session.encounter.createdAt}
              onReading={async (r) => {
                const error = await record(
                  { code: 'blood_pressure', systolic: r.systolic, diastolic: r.diastolic, unit: 'mm[Hg]' },
                  named(r.deviceId),
                );
                return error;
              }}
            />
            <button type="button" className="link" onClick={() => setTypeBloodPressure(true)}>
              {t('kiosk.measure.monitor.typeInstead')}
            </button>
          </div>
        )}
        {MANUAL.filter((kind) => !has(kind) && (kind !== 'blood_pressure' || !monitor || typeBloodPressure)).map(
          (kind) => (
            <ManualVital
              key={kind}
              kind={kind}
              onSave={(vital, confirmed) => void saveManual(kind, vital, confirmed)}
              problem={problems[kind] ?? null}
            />
          ),
        )}
      </div>
      <h3>{t('kiosk.measure.recorded')}</h3>
      <ul aria-label={t('kiosk.measure.recorded')} className="kiosk-recorded">
        {session.observations.map((o) => (
          <li key={o.id}>
            {t(`kiosk.measure.codes.${o.vital.code}`)} : <strong>{vitalText(o.vital)}</strong>{' '}
            {o.method === 'device' ? t('kiosk.measure.fromDevice') : t('kiosk.measure.typed')}
          </li>
        ))}
      </ul>
      <button type="button" className="kiosk-button" onClick={onNext}>
        {t('kiosk.measure.next')}
      </button>
    </section>
  );
}
