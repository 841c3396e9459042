// The acts not closed on this station, each with its patient, read from encounters.open: the cart's
// "in progress" and the expert's "awaiting a report" (filtered by status).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter, EncounterStatus } from '../../../shared/acts/encounter';
import type { Patient } from '../../../shared/patients/patient';
import { relais } from '../../api';
import { PatientSummary } from '../../ui/patient-summary';
import { formatDateTime } from '../../ui/format';
import { useView } from '../../ui/view-store';

type OpenAct = { act: Encounter; patient: Patient };

export function OpenActs({ statuses, empty }: { statuses: readonly EncounterStatus[]; empty: string }) {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
  const [acts, setActs] = useState<OpenAct[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void relais.invoke('encounters.open', { limit: 50 }).then((r) => {
      if (!live) return;
      setFailed(!r.ok);
      setActs(r.ok ? r.value.filter((o) => statuses.includes(o.act.status)) : []);
    });
    return () => {
      live = false;
    };
  }, [statuses, attempt]);
  if (failed)
    return (
      <p role="alert" className="error-text">
        {t('roleHome.loadError')}{' '}
        <button type="button" className="link" onClick={() => setAttempt((a) => a + 1)}>
          {t('roleHome.retry')}
        </button>
      </p>
    );
  if (!acts) return <p>{t('home.loading')}</p>;
  if (acts.length === 0) return <p>{empty}</p>;
  return (
    <ul className="home-list">
      {acts.map(({ act, patient }) => (
        <li key={act.id}>
          <PatientSummary patient={patient} />
          <span className="home-list-detail">
            {act.reason} · {t(`roleHome.acts.${act.status}`)} · {formatDateTime(act.updatedAt)}
          </span>
          <button type="button" onClick={() => show({ name: 'act', id: act.id })}>
            {t('roleHome.cart.open')}
          </button>
        </li>
      ))}
    </ul>
  );
}
