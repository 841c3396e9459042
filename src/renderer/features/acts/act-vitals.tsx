// The act's measurements: the list, newest last, each with who took it, when and how, and the
// form that adds one (typed, or taken from the oximeter). Shown on the act's screen and, during a
// call bound to an act, in the call's "Mesures" tab, so that the nurse measures without leaving
// the call and each measurement lands in the act at once (issue 20, point 1).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '../../../shared/acts/encounter';
import type { AppError } from '../../../shared/result';
import { useActRecord } from './use-act-record';
import { ActError } from '../../ui/error-line';
import { useVitalText } from '../../ui/vital-check';
import { VitalForm } from './vital-form';

interface Props {
  encounterId: string;
  observations: Observation[];
  /** A closed act takes no more measurements: the form is not shown. */
  open: boolean;
  onDone: (error: AppError | null) => void;
}

export function ActVitals({ encounterId, observations, open, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const vitalText = useVitalText();
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  return (
    <section className="card" aria-labelledby={`vitals-title-${encounterId}`}>
      <h2 id={`vitals-title-${encounterId}`}>{t('acts.vitals')}</h2>
      {observations.length === 0 ? (
        <p>{t('acts.noVitals')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('acts.vitals')}>
          {observations.map((o) => (
            <li key={o.id}>
              {t(`acts.vitalNames.${o.vital.code}`)} : <strong>{vitalText(o.vital)}</strong> — {o.takenBy},{' '}
              {when(o.takenAt)} (
              {o.method === 'device' ? `${t('acts.byDevice')} ${o.device ?? ''}`.trim() : t('acts.byHand')})
              {o.unusualConfirmed ? ` · ${t('acts.unusualConfirmed')}` : ''}
            </li>
          ))}
        </ul>
      )}
      {open && <VitalForm encounterId={encounterId} onDone={onDone} />}
    </section>
  );
}

/** The same card for a call: it reads the act itself and follows its changes. */
export function CallActVitals({ encounterId }: { encounterId: string }) {
  const { record, loadError, reload } = useActRecord(encounterId);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <>
      <ActError error={error ?? loadError} />
      {record && (
        <ActVitals
          encounterId={encounterId}
          observations={record.observations}
          open={record.encounter.status !== 'closed'}
          onDone={(e) => {
            setError(e);
            void reload();
          }}
        />
      )}
    </>
  );
}
