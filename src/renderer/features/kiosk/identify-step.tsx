// The pharmacist identifies the patient: the INS traits, all the birth first names, helped by the
// Carte Vitale number when there is one (sex and birthplace taken from it, birth year and month
// checked against it, only once she says it is the patient's own card: a card may be a
// parent's). The identity is provisional, or validated when she checked a high-trust identity
// document, named with her and today's date (RNIV volet 1); an INS is only ever recorded from the
// INSi teleservice, so the card's number is not stored. She is the session's author: her name is
// never typed here, it is the signed-in professional or the one given once in "Qui êtes-vous ?".
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_DOCUMENT_TYPES, PARENT_DOCUMENT_TYPES } from '../../../shared/patients/identity-document';
import { checkCoherence, normalizeMatricule } from '../../../shared/patients/ins';
import {
  cardTraitsToCopy,
  readCarteVitaleNumber,
  type CardHolder,
  type CarteVitaleFacts,
} from '../../../shared/kiosk/carte-vitale';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import type { Author } from '../../ui/author-store';
import { toIsoDate } from '../../ui/parse-search';
import { PatientSummary } from '../../ui/patient-summary';
import { CabinPharmacist } from './cabin-pharmacist';
import { CardReading } from './card-reading';
import { registerPatient, type IdentityForm } from './register-patient';
import { ReasonedButton } from '../../ui/disabled-reason';

interface Props {
  /** The session's author (useAuthor()): the pharmacist present, or null until she says who she is. */
  author: Author | null;
  onIdentified(patient: Patient): void;
}

const EMPTY: IdentityForm = {
  birthName: '',
  firstName: '',
  birthFirstNames: '',
  birthDate: '',
  sex: '',
  birthplaceCode: '',
  documentType: '',
  parentDocument: '',
};
type Field = keyof IdentityForm;

export function IdentifyStep({ author, onIdentified }: Props) {
  const { t } = useTranslation();
  const [card, setCard] = useState('');
  const [values, setValues] = useState(EMPTY);
  const [cardFacts, setCardFacts] = useState<CarteVitaleFacts | null>(null);
  const [holder, setHolder] = useState<CardHolder>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [candidates, setCandidates] = useState<Patient[] | null>(null);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function readCard() {
    const reading = readCarteVitaleNumber(card);
    setCardFacts(reading.ok ? reading.facts : null);
    setHolder(null);
    if (!reading.ok) return setProblems([t(`fieldErrors.${reading.problem}`)]);
    setProblems([]);
  }

  function chooseHolder(next: Exclude<CardHolder, null>) {
    if (!cardFacts) return;
    const taken = cardTraitsToCopy(cardFacts, next);
    const before = cardTraitsToCopy(cardFacts, holder);
    setHolder(next);
    // Said to be someone else's after all: what was taken from the card goes.
    if (taken) setValues((v) => ({ ...v, ...taken }));
    else if (before)
      setValues((v) => ({
        ...v,
        sex: v.sex === before.sex ? '' : v.sex,
        birthplaceCode: v.birthplaceCode === before.birthplaceCode ? '' : v.birthplaceCode,
      }));
  }

  const fieldName = (path: string) =>
    path
      .replace(/^identity\./, '')
      .replace(/^identityDocument\.(type|checkedOn)$/, 'documentType')
      .replace(/^identityDocument\./, '');
  const errorTexts = (error: AppError) =>
    error.fields?.length
      ? error.fields.map(
          (f) =>
            `${t(`kiosk.identify.fields.${fieldName(f.path)}`, { defaultValue: f.path })} : ${t(`fieldErrors.${f.code}`, f.params ?? {})}`,
        )
      : [t(`errors.${error.code}`)];

  async function create(notDuplicateOf: string[]) {
    // Only the patient's own card says anything of her birth date.
    if (card.trim() && holder === 'patient') {
      const birthDate = toIsoDate(values.birthDate);
      const mismatch = checkCoherence(normalizeMatricule(card), values.sex || 'I', birthDate);
      if (mismatch) return setProblems([t(`kiosk.identify.card.${mismatch.replace('ins.', '')}`)]);
    }
    const outcome = await registerPatient(values, notDuplicateOf);
    if (outcome.kind === 'noAuthor') return setProblems([t('kiosk.identify.pharmacistMissing')]);
    if (outcome.kind === 'refused') return setProblems(errorTexts(outcome.error));
    if (outcome.kind === 'duplicates') return setCandidates(outcome.candidates);
    onIdentified(outcome.patient);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
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
              <button type="button" className="kiosk-button" onClick={() => onIdentified(p)}>
                {t('kiosk.identify.thisOne')}
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="kiosk-button secondary"
          onClick={() => {
            setCandidates(null);
            void create(candidates.map((c) => c.id));
          }}
        >
          {t('kiosk.identify.someoneElse')}
        </button>
      </section>
    );
  }

  const field = (name: Field, extra: Record<string, unknown> = {}, hint?: string) => (
    <div className="field">
      <label htmlFor={`kiosk-${name}`}>{t(`kiosk.identify.fields.${name}`)}</label>
      <input
        id={`kiosk-${name}`}
        value={values[name]}
        onChange={(e) => set(name)(e.target.value)}
        autoComplete="off"
        aria-describedby={hint ? `kiosk-${name}-hint` : undefined}
        {...extra}
      />
      {hint && (
        <p id={`kiosk-${name}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
  const select = (name: Field, options: { value: string; label: string }[], hint?: string) => (
    <div className="field">
      <label htmlFor={`kiosk-${name}`}>{t(`kiosk.identify.fields.${name}`)}</label>
      <select
        id={`kiosk-${name}`}
        value={values[name]}
        onChange={(e) => set(name)(e.target.value)}
        aria-describedby={hint ? `kiosk-${name}-hint` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`kiosk-${name}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
  const documentLabel = (type: string) => ({ value: type, label: t(`vigilance.document.types.${type}`) });

  return (
    <form className="kiosk-card kiosk-form" aria-labelledby="kiosk-identify-title" onSubmit={submit} noValidate>
      <h2 id="kiosk-identify-title">{t('kiosk.identify.title')}</h2>
      <p className="hint">{t('kiosk.identify.forPharmacist')}</p>
      <CabinPharmacist author={author} />
      <div className="field">
        <label htmlFor="kiosk-card">{t('kiosk.identify.card.label')}</label>
        <input
          id="kiosk-card"
          value={card}
          inputMode="numeric"
          onChange={(e) => setCard(e.target.value)}
          autoComplete="off"
        />
        <ReasonedButton
          className="kiosk-button secondary"
          onClick={readCard}
          reason={card.trim() ? null : t('why.cardFirst')}
        >
          {t('kiosk.identify.card.read')}
        </ReasonedButton>
        <p className="hint">{t('kiosk.identify.card.hint')}</p>
      </div>
      {cardFacts && <CardReading facts={cardFacts} holder={holder} onHolder={chooseHolder} />}
      {field('birthName')}
      {field('firstName')}
      {field('birthFirstNames', {}, t('kiosk.identify.birthFirstNamesHint'))}
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
      {select(
        'documentType',
        [{ value: '', label: t('kiosk.identify.noDocument') }, ...IDENTITY_DOCUMENT_TYPES.map(documentLabel)],
        t('kiosk.identify.documentHint'),
      )}
      {values.documentType === 'family_record_book' &&
        select('parentDocument', [{ value: '', label: '—' }, ...PARENT_DOCUMENT_TYPES.map(documentLabel)])}
      {problems.length > 0 && (
        <ul role="alert" className="error-text">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="kiosk-button">
        {t('kiosk.next')}
      </button>
    </form>
  );
}
