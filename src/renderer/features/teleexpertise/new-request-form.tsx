// The requester's téléexpertise request, from the patient's page: a specialty from the directory
// (the last one seen when the region is out of reach, or typed), an expert of it connected to the
// hub if the requester names one, the question, the clinical context and the urgency. Kept on the
// station at once as a draft; its photos, sounds and documents are added on its act's screen,
// then it is sent from there. The station's refusals are said under their fields (the form is
// noValidate: no browser bubble), and an empty required field before anything is sent.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter } from '../../../shared/acts/encounter';
import type { Peer } from '../../../shared/hub-protocol';
import type { AppError } from '../../../shared/result';
import { PrioritySchema, type Priority } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { invalidProps, missingRequired, splitFieldErrors } from '../../ui/field-errors';
import { FieldError } from '../../ui/form-field';
import { needAuthor, RequesterFields } from '../../ui/professional-fields';
import { NamedExpertField } from './named-expert-field';
import { ReasonedButton } from '../../ui/disabled-reason';

/** What the requester has typed so far. */
export interface RequestDraft {
  specialty: string;
  expert: Peer | null;
  question: string;
  context: string;
  priority: Priority;
  site: string;
}

const EMPTY_DRAFT: RequestDraft = {
  specialty: '',
  expert: null,
  question: '',
  context: '',
  priority: 'routine',
  site: '',
};

/** The required fields of the request left empty, said under each before sending. */
export function missingRequestFields(draft: RequestDraft): AppError | null {
  return missingRequired({ specialty: draft.specialty, question: draft.question, site: draft.site });
}

export function NewRequestForm({
  patientId,
  onCreated,
  onCancel,
}: {
  patientId: string;
  onCreated: (act: Encounter) => void;
  onCancel: () => void;
}) {
  const [specialties, setSpecialties] = useState<string[]>([]);
  const [draft, setDraft] = useState<RequestDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    void relais.invoke('teleexpertise.specialties', {}).then((r) => current && r.ok && setSpecialties(r.value));
    return () => {
      current = false;
    };
  }, []);

  async function submit() {
    const missing = missingRequestFields(draft);
    setError(missing);
    if (missing) return;
    const author = await needAuthor();
    if (!author) return;
    setBusy(true);
    const { expert, ...typed } = draft;
    const result = await relais.invoke('teleexpertise.create', {
      ...typed,
      patientId,
      // SECURITY: the expert named is routed to by her hub identity (hubId), never by her name.
      expert: expert ? { name: expert.name, role: 'physician', specialty: expert.specialty, hubId: expert.id } : null,
      requester: { name: author.name, role: author.role },
    });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  }

  return (
    <NewRequestFormView
      draft={draft}
      onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
      specialties={specialties}
      error={error}
      busy={busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    />
  );
}

interface NewRequestFormViewProps {
  draft: RequestDraft;
  onChange: (change: Partial<RequestDraft>) => void;
  /** The directory's specialties (empty when the region is out of reach). */
  specialties: string[];
  error: AppError | null;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The request's fields, each with the station's refusal of it under it; the rest in the last line. */
export function NewRequestFormView({
  draft,
  onChange,
  specialties,
  error,
  busy,
  onSubmit,
  onCancel,
}: NewRequestFormViewProps) {
  const { t } = useTranslation();
  const { byPath, rest } = splitFieldErrors(t, error, ['specialty', 'question', 'context', 'site']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="card" aria-label={t('expertise.newRequest')} onSubmit={submit} noValidate>
      <h3>{t('expertise.newRequest')}</h3>
      <label>
        {t('expertise.specialty')}
        <input
          id="expertise-specialty"
          value={draft.specialty}
          onChange={(e) => onChange({ specialty: e.target.value })}
          list="expertise-specialties"
          required
          maxLength={100}
          {...invalidProps('expertise-specialty', byPath.specialty)}
        />
        <datalist id="expertise-specialties">
          {specialties.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <FieldError id="expertise-specialty-error" error={byPath.specialty} />
      {specialties.length === 0 && <p className="hint">{t('expertise.noDirectory')}</p>}
      <NamedExpertField specialty={draft.specialty} value={draft.expert} onChange={(expert) => onChange({ expert })} />
      <label>
        {t('expertise.question')}
        <textarea
          id="expertise-question"
          value={draft.question}
          onChange={(e) => onChange({ question: e.target.value })}
          required
          maxLength={2000}
          rows={2}
          {...invalidProps('expertise-question', byPath.question)}
        />
      </label>
      <FieldError id="expertise-question-error" error={byPath.question} />
      <label>
        {t('expertise.context')}
        <textarea
          id="expertise-context"
          value={draft.context}
          onChange={(e) => onChange({ context: e.target.value })}
          maxLength={10_000}
          rows={4}
          {...invalidProps('expertise-context', byPath.context)}
        />
      </label>
      <FieldError id="expertise-context-error" error={byPath.context} />
      <label>
        {t('expertise.priority')}
        <select value={draft.priority} onChange={(e) => onChange({ priority: e.target.value as Priority })}>
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
        <input
          id="expertise-site"
          value={draft.site}
          onChange={(e) => onChange({ site: e.target.value })}
          required
          maxLength={200}
          {...invalidProps('expertise-site', byPath.site)}
        />
      </label>
      <FieldError id="expertise-site-error" error={byPath.site} />
      <ActError error={rest} />
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
