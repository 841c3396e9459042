// The requester's téléexpertise request, from the patient's page: a specialty from the directory
// (the last one seen when the region is out of reach, or typed), an expert of it connected to the
// hub if the requester names one, the question, the clinical context and the urgency. Kept on the
// station at once as a draft; its photos, sounds and documents are added on its act's screen,
// then it is sent from there.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter } from '../../../shared/acts/encounter';
import type { Peer } from '../../../shared/hub-protocol';
import type { AppError } from '../../../shared/result';
import { PrioritySchema, type Priority } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { needAuthor, RequesterFields } from '../../ui/professional-fields';
import { NamedExpertField } from './named-expert-field';
import { ReasonedButton } from '../../ui/disabled-reason';

export function NewRequestForm({
  patientId,
  onCreated,
  onCancel,
}: {
  patientId: string;
  onCreated: (act: Encounter) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [specialties, setSpecialties] = useState<string[]>([]);
  const [specialty, setSpecialty] = useState('');
  const [expert, setExpert] = useState<Peer | null>(null);
  const [question, setQuestion] = useState('');
  const [context, setContext] = useState('');
  const [priority, setPriority] = useState<Priority>('routine');
  const [site, setSite] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    void relais.invoke('teleexpertise.specialties', {}).then((r) => current && r.ok && setSpecialties(r.value));
    return () => {
      current = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const author = await needAuthor();
    if (!author) return;
    setBusy(true);
    const result = await relais.invoke('teleexpertise.create', {
      patientId,
      specialty,
      // SECURITY: the expert named is routed to by her hub identity (hubId), never by her name.
      expert: expert ? { name: expert.name, role: 'physician', specialty: expert.specialty, hubId: expert.id } : null,
      requester: { name: author.name, role: author.role },
      site,
      question,
      context,
      priority,
    });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  }

  return (
    <form className="card" aria-label={t('expertise.newRequest')} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('expertise.newRequest')}</h3>
      <label>
        {t('expertise.specialty')}
        <input
          value={specialty}
          onChange={(e) => setSpecialty(e.target.value)}
          list="expertise-specialties"
          required
          maxLength={100}
        />
        <datalist id="expertise-specialties">
          {specialties.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      {specialties.length === 0 && <p className="hint">{t('expertise.noDirectory')}</p>}
      <NamedExpertField specialty={specialty} value={expert} onChange={setExpert} />
      <label>
        {t('expertise.question')}
        <textarea value={question} onChange={(e) => setQuestion(e.target.value)} required maxLength={2000} rows={2} />
      </label>
      <label>
        {t('expertise.context')}
        <textarea value={context} onChange={(e) => setContext(e.target.value)} maxLength={10_000} rows={4} />
      </label>
      <label>
        {t('expertise.priority')}
        <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
          {PrioritySchema.options.map((p) => (
            <option key={p} value={p}>
              {t(`expertise.priorities.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <RequesterFields />
      <label>
        {t('acts.site')}
        <input value={site} onChange={(e) => setSite(e.target.value)} required maxLength={200} />
      </label>
      <ActError error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('acts.cancel')}
        </button>
        <ReasonedButton type="submit" className="primary" reason={busy ? t('why.busy') : null}>
          {t('expertise.createDraft')}
        </ReasonedButton>
      </div>
    </form>
  );
}
