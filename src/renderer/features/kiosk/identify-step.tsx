// The pharmacist identifies the patient: the INS traits, helped by the Carte Vitale number when
// there is one (sex and birthplace read from it, birth year and month checked against it). The
// identity is provisional, or validated when she has seen an identity document; an INS is only
// ever recorded from the INSi teleservice, so the card's number is not stored.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCoherence, normalizeMatricule } from '../../../shared/ins';
import { readCarteVitaleNumber } from '../../../shared/kiosk/carte-vitale';
import type { Patient } from '../../../shared/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { toIsoDate } from '../patients/parse-search';
import { PatientSummary } from '../patients/patient-summary';

interface Props {
  pharmacist: string;
  onIdentified(patient: Patient, pharmacist: string): void;
}

const EMPTY = { birthName: '', firstName: '', birthDate: '', sex: '' as '' | 'M' | 'F', birthplaceCode: '' };

export function IdentifyStep({ pharmacist: knownPharmacist, onIdentified }: Props) {
  const { t } = useTranslation();
  const [pharmacist, setPharmacist] = useState(knownPharmacist);
  const [card, setCard] = useState('');
  const [values, setValues] = useState(EMPTY);
  const [documentSeen, setDocumentSeen] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [candidates, setCandidates] = useState<Patient[] | null>(null);
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function readCard() {
    const reading = readCarteVitaleNumber(card);
    if (!reading.ok) return setProblems([t(`fieldErrors.${reading.problem}`)]);
    setProblems([]);
    setValues((v) => ({ ...v, sex: reading.facts.sex, birthplaceCode: reading.facts.birthplaceCode }));
  }

  const errorTexts = (error: AppError) => (error.fields?.length ? error.fields.map((f) => `${t(`kiosk.identify.fields.${f.path.replace(/^identity\./, '')}`, { defaultValue: f.path })} : ${t(`fieldErrors.${f.code}`, f.params ?? {})}`) : [t(`errors.${error.code}`)]);

  async function create(notDuplicateOf: string[]) {
    const birthDate = toIsoDate(values.birthDate);
    if (card.trim()) {
      const mismatch = checkCoherence(normalizeMatricule(card), values.sex || 'I', birthDate);
      if (mismatch) return setProblems([t(`kiosk.identify.card.${mismatch.replace('ins.', '')}`)]);
    }
    const result = await relais.invoke('patients.create', {
      identity: { birthName: values.birthName, firstName: values.firstName, birthDate, sex: values.sex as 'M', birthplaceCode: values.birthplaceCode, identityStatus: documentSeen ? 'VALI' : 'PROV', ins: null },
      notDuplicateOf,
    });
    if (!result.ok) return setProblems(errorTexts(result.error));
    if (result.value.status === 'possible_duplicates') return setCandidates(result.value.candidates);
    onIdentified(result.value.patient, pharmacist.trim());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pharmacist.trim()) return setProblems([t('kiosk.identify.pharmacistMissing')]);
    setProblems([]);
    void create([]);
  }

  if (candidates) {
    return (
      <section className="kiosk-card" aria-labelledby="kiosk-duplicates">
        <h2 id="kiosk-duplicates">{t('kiosk.identify.duplicatesTitle')}</h2>
        <ul className="plain-list">
          {candidates.map((p) => (
            <li key={p.id}>
              <PatientSummary patient={p} />{' '}
              <button type="button" className="kiosk-button" onClick={() => onIdentified(p, pharmacist.trim())}>{t('kiosk.identify.thisOne')}</button>
            </li>
          ))}
        </ul>
        <button type="button" className="kiosk-button secondary" onClick={() => { setCandidates(null); void create(candidates.map((c) => c.id)); }}>
          {t('kiosk.identify.someoneElse')}
        </button>
      </section>
    );
  }

  const field = (name: keyof typeof EMPTY, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`kiosk-${name}`}>{t(`kiosk.identify.fields.${name}`)}</label>
      <input id={`kiosk-${name}`} value={values[name]} onChange={(e) => set(name)(e.target.value)} autoComplete="off" {...extra} />
    </div>
  );

  return (
    <form className="kiosk-card kiosk-form" aria-labelledby="kiosk-identify-title" onSubmit={submit}>
      <h2 id="kiosk-identify-title">{t('kiosk.identify.title')}</h2>
      <p className="hint">{t('kiosk.identify.forPharmacist')}</p>
      <div className="field">
        <label htmlFor="kiosk-pharmacist">{t('kiosk.identify.pharmacist')}</label>
        <input id="kiosk-pharmacist" value={pharmacist} onChange={(e) => setPharmacist(e.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="kiosk-card">{t('kiosk.identify.card.label')}</label>
        <input id="kiosk-card" value={card} inputMode="numeric" onChange={(e) => setCard(e.target.value)} autoComplete="off" />
        <button type="button" className="kiosk-button secondary" onClick={readCard} disabled={!card.trim()}>{t('kiosk.identify.card.read')}</button>
        <p className="hint">{t('kiosk.identify.card.hint')}</p>
      </div>
      {field('birthName')}
      {field('firstName')}
      {field('birthDate', { placeholder: 'JJ/MM/AAAA', inputMode: 'numeric' })}
      <div className="field">
        <label htmlFor="kiosk-sex">{t('kiosk.identify.fields.sex')}</label>
        <select id="kiosk-sex" value={values.sex} onChange={(e) => set('sex')(e.target.value)}>
          <option value="">—</option>
          <option value="F">{t('form.sexes.F')}</option>
          <option value="M">{t('form.sexes.M')}</option>
        </select>
      </div>
      {field('birthplaceCode', { maxLength: 5 })}
      <label className="checkbox">
        <input type="checkbox" checked={documentSeen} onChange={(e) => setDocumentSeen(e.target.checked)} /> {t('kiosk.identify.documentSeen')}
      </label>
      {problems.length > 0 && (
        <ul role="alert" className="error-text">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      <button type="submit" className="kiosk-button">{t('kiosk.next')}</button>
    </form>
  );
}
