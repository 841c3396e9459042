// The patient's INS and the INSi teleservice: the INS INSi gave (with when and for whom), a number
// typed "to be checked", and the actions "Récupérer l'INS" (by the traits) or "Vérifier l'INS" (a
// correction of INSi's traits comes this way). INSi's answer is shown beside the record's traits
// and taken in only when the person accepts it. Without a gateway, the panel says so and offers
// nothing (RELAIS_INSI_URL).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsiOutcome } from '../../../shared/patients/insi';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { groupedMatricule, oidName } from './ins-format';
import { InsiAnswer } from './insi-answer';
import { ReasonedButton } from '../../ui/disabled-reason';

interface Props {
  patient: Patient;
  /** INSi's answer was taken in: the record's new version. */
  onAccepted(patient: Patient): void;
  /** INSi confirmed the record: its history has a new line. */
  onVerified(): void;
}

export function InsiPanel({ patient, onAccepted, onVerified }: Props) {
  const { t, i18n } = useTranslation();
  const [configured, setConfigured] = useState<boolean | null>(null);
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<InsiOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void relais.invoke('patients.insiStatus', {}).then((r) => setConfigured(r.ok ? r.value.configured : false));
  }, []);
  const oid = (value: string) => t(`form.oids.${oidName(value) ?? 'NIR'}`);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

  async function ask(channel: 'patients.insiSearch' | 'patients.insiVerify') {
    setAsking(true);
    setError(null);
    setOutcome(null);
    const result = await relais.invoke(channel, { id: patient.id });
    setAsking(false);
    if (!result.ok) return setError(result.error);
    setOutcome(result.value);
    if (result.value.outcome === 'verified') onVerified();
  }

  async function accept(answerId: string) {
    const result = await relais.invoke('patients.insiAccept', { id: patient.id, version: patient.version, answerId });
    if (!result.ok) return setError(result.error);
    setOutcome(null);
    onAccepted(result.value);
  }

  return (
    <section className="insi-panel" aria-labelledby="insi-title">
      <h2 id="insi-title">{t('vigilance.insi.title')}</h2>
      {patient.ins ? (
        <p>
          <strong>
            {t('vigilance.insi.ins', { matricule: groupedMatricule(patient.ins.matricule), oid: oid(patient.ins.oid) })}
          </strong>
          {patient.insRetrieval && (
            <> — {t('vigilance.insi.retrieved', { at: when(patient.insRetrieval.at), by: patient.insRetrieval.by })}</>
          )}
        </p>
      ) : (
        <p>{t('vigilance.insi.noIns')}</p>
      )}
      {patient.typedIns && (
        <p>
          {t('vigilance.insi.typed', { matricule: groupedMatricule(patient.typedIns.matricule) })}{' '}
          <span className="hint">{t('vigilance.insi.typedHint')}</span>
        </p>
      )}
      {configured === false && <p className="warning-text">{t('vigilance.insi.notConfigured')}</p>}
      {configured && (
        <div className="actions">
          {patient.ins ? (
            <ReasonedButton onClick={() => void ask('patients.insiVerify')} reason={asking ? t('why.busy') : null}>
              {t('vigilance.insi.verify')}
            </ReasonedButton>
          ) : (
            <ReasonedButton onClick={() => void ask('patients.insiSearch')} reason={asking ? t('why.busy') : null}>
              {t('vigilance.insi.retrieve')}
            </ReasonedButton>
          )}
        </div>
      )}
      {asking && <p role="status">{t('vigilance.insi.asking')}</p>}
      {error && (
        <p role="alert" className="error-text">
          {error.fields?.length
            ? error.fields.map((f) => t(`fieldErrors.${f.code}`, f.params ?? {})).join(' ')
            : t(`errors.${error.code}`)}
        </p>
      )}
      {outcome && (
        <InsiAnswer
          patient={patient}
          outcome={outcome}
          onAccept={(id) => void accept(id)}
          onReject={() => setOutcome(null)}
        />
      )}
    </section>
  );
}
