// The acts of one patient, newest first, and the form that opens a new one (a draft: consent,
// measurements and the call come next, on the act's own screen).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActTypeSchema, type ActType, type Encounter } from '../../../shared/acts/encounter';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useView } from '../../ui/view-store';
import { ActError } from '../../ui/error-line';
import { invalidProps, splitFieldErrors } from '../../ui/field-errors';
import { FieldError } from '../../ui/form-field';
import { asProfessional, needAuthor, RequesterFields } from '../../ui/professional-fields';
import { useSlots } from '../../ui/slots';
import { ReasonedButton } from '../../ui/disabled-reason';
import { actStatusKey } from './act-status';

function NewActForm({
  patientId,
  onCreated,
  onCancel,
}: {
  patientId: string;
  onCreated: (act: Encounter) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [act, setAct] = useState<ActType>('teleconsultation');
  const [assisted, setAssisted] = useState(true);
  const [reason, setReason] = useState('');
  const [site, setSite] = useState('');
  const [siteCommune, setSiteCommune] = useState('');
  // The expert's hospital commune, offered from the hub directory when it names one.
  const offers = useCalls((s) => s.hub.offers);
  const expertSites = [...new Map(offers.filter((o) => o.commune).map((o) => [o.commune!, o.hospital])).entries()];
  const [specialty, setSpecialty] = useState('');
  const [expert, setExpert] = useState('');
  const [expertRpps, setExpertRpps] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // The station's refusals beside their fields (the form is noValidate: no browser bubble).
  const { byPath, rest } = splitFieldErrors(t, error, ['reason', 'site', 'siteCommune', 'expert.rpps']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const author = await needAuthor();
    if (!author) return;
    setBusy(true);
    const result = await relais.invoke('encounters.create', {
      patientId,
      act,
      assisted,
      reason,
      site,
      siteCommune,
      specialty: specialty.trim() || null,
      requester: asProfessional(author),
      expert: expert.trim() ? { name: expert, role: 'physician', rpps: expertRpps.trim() || null } : null,
    });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  }

  return (
    <form className="card" aria-label={t('acts.new')} onSubmit={(e) => void submit(e)} noValidate>
      <label>
        {t('acts.type')}
        <select value={act} onChange={(e) => setAct(e.target.value as ActType)}>
          {ActTypeSchema.options.map((a) => (
            <option key={a} value={a}>
              {t(`acts.types.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={assisted} onChange={(e) => setAssisted(e.target.checked)} />{' '}
        {t('acts.assisted')}
      </label>
      <label>
        {t('acts.reason')}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={2000}
          rows={2}
          {...invalidProps('act-reason', byPath.reason)}
        />
      </label>
      <FieldError id="act-reason-error" error={byPath.reason} />
      <label>
        {t('acts.site')}
        <input
          value={site}
          onChange={(e) => setSite(e.target.value)}
          required
          maxLength={200}
          {...invalidProps('act-site', byPath.site)}
        />
      </label>
      <FieldError id="act-site-error" error={byPath.site} />
      <label>
        {t('acts.siteCommune')}
        <input
          value={siteCommune}
          onChange={(e) => setSiteCommune(e.target.value)}
          maxLength={5}
          list="act-expert-sites"
          aria-describedby={`${byPath.siteCommune ? 'act-site-commune-error ' : ''}act-site-commune-hint`}
          aria-invalid={byPath.siteCommune ? true : undefined}
        />
        <datalist id="act-expert-sites">
          {expertSites.map(([commune, hospital]) => (
            <option key={commune} value={commune} label={hospital} />
          ))}
        </datalist>
        <span id="act-site-commune-hint" className="hint">
          {t('acts.siteCommuneHint')}
        </span>
      </label>
      <FieldError id="act-site-commune-error" error={byPath.siteCommune} />
      <label>
        {t('acts.specialty')}
        <input value={specialty} onChange={(e) => setSpecialty(e.target.value)} maxLength={100} />
      </label>
      <RequesterFields />
      <label>
        {t('acts.expert')}
        <input value={expert} onChange={(e) => setExpert(e.target.value)} maxLength={200} />
      </label>
      <label>
        {t('acts.expertRpps')}
        <input
          value={expertRpps}
          onChange={(e) => setExpertRpps(e.target.value)}
          inputMode="numeric"
          pattern="\d{11}"
          maxLength={11}
          {...invalidProps('act-expert-rpps', byPath['expert.rpps'])}
        />
      </label>
      <FieldError id="act-expert-rpps-error" error={byPath['expert.rpps']} />
      <ActError error={rest} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('acts.cancel')}
        </button>
        <ReasonedButton type="submit" className="primary" reason={busy ? t('why.busy') : null}>
          {t('acts.create')}
        </ReasonedButton>
      </div>
    </form>
  );
}

export function PatientActs({ patientId }: { patientId: string }) {
  const { NewRequestForm, RequestStateLabel } = useSlots();
  const { t, i18n } = useTranslation();
  const show = useView((s) => s.show);
  const [acts, setActs] = useState<Encounter[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [creating, setCreating] = useState<'act' | 'expertise' | null>(null);
  useEffect(() => {
    let current = true;
    void relais.invoke('encounters.forPatient', { patientId, limit: 50 }).then((r) => {
      if (!current) return;
      if (r.ok) setActs(r.value);
      else setError(r.error);
    });
    return () => {
      current = false;
    };
  }, [patientId]);

  return (
    <section aria-labelledby="acts-title">
      <h2 id="acts-title">{t('acts.title')}</h2>
      {/* First under her name: opening an act is what the nurse came for (issue 20). */}
      {creating === null && (
        <div className="actions start">
          <button type="button" className="primary" onClick={() => setCreating('act')}>
            {t('acts.new')}
          </button>
          <button type="button" onClick={() => setCreating('expertise')}>
            {t('expertise.newRequest')}
          </button>
        </div>
      )}
      {creating === 'act' && (
        <NewActForm
          patientId={patientId}
          onCancel={() => setCreating(null)}
          onCreated={(act) => show({ name: 'act', id: act.id })}
        />
      )}
      {creating === 'expertise' && (
        <NewRequestForm
          patientId={patientId}
          onCancel={() => setCreating(null)}
          onCreated={(act) => show({ name: 'act', id: act.id })}
        />
      )}
      <ActError error={error} />
      {acts && acts.length === 0 && <p>{t('acts.none')}</p>}
      {acts && acts.length > 0 && (
        <ul className="plain-list">
          {acts.map((a) => (
            <li key={a.id}>
              <button type="button" className="link" onClick={() => show({ name: 'act', id: a.id })}>
                {t(`acts.types.${a.act}`)} — {a.reason}
              </button>{' '}
              <span className="hint">
                {t(actStatusKey(a))},{' '}
                {t('acts.createdOn', { when: new Date(a.createdAt).toLocaleString(i18n.language) })}
              </span>
              {a.act === 'teleexpertise' && <RequestStateLabel encounterId={a.id} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
