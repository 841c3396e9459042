// The coordinator's form of one offer (new, or published and changed): its specialty from the ANS's
// table (the code kept), the hospital or practice and its commune, the act types, the hours as
// rules, the experts, and for an urgent offer its rota. Checked with the shared schema before it is
// sent; each problem is said beside its field, in the screen's language. Sent through the station
// (scheduling.publishOffer), which answers with the hub's directory once the hub holds it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ActType } from '../../../shared/acts/act-type';
import type { Peer } from '../../../shared/hub-protocol';
import type { Offer } from '../../../shared/scheduling/offer';
import type { Specialty } from '../../../shared/scheduling/specialties';
import type { AppError, FieldError as FieldProblem } from '../../../shared/result';
import { relais } from '../../api';
import { ReasonedButton } from '../../ui/disabled-reason';
import { FieldError, FormField, SelectField } from '../../ui/form-field';
import { checkDraft, draftOfOffer, emptyDraft, type OfferDraft } from './offer-draft';
import { OfferExpertsFields } from './offer-experts-fields';
import { OfferHoursFields } from './offer-hours-fields';
import { OfferRotaFields } from './offer-rota-fields';

/** The act types a regional platform's offer proposes. */
export const OFFER_ACTS: readonly ActType[] = ['teleconsultation', 'teleexpertise', 'telesurveillance'];

/** Each field's problem in words, by its path in the offer. */
export function errorsByPath(t: TFunction, fields: readonly FieldProblem[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const f of fields)
    byPath[f.path] ??= t(`fieldErrors.${f.code}`, { ...f.params, defaultValue: t('fieldErrors.field.invalid') });
  return byPath;
}

interface ViewProps {
  draft: OfferDraft;
  errors: Record<string, string>;
  specialties: Specialty[];
  online: Peer[];
  busy: boolean;
  failure: string | null;
  change(patch: Partial<OfferDraft>): void;
  onSubmit(): void;
  onCancel(): void;
}

export function OfferFormView({
  draft,
  errors,
  specialties,
  online,
  busy,
  failure,
  change,
  onSubmit,
  onCancel,
}: ViewProps) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const toggleAct = (act: ActType) =>
    change({ acts: draft.acts.includes(act) ? draft.acts.filter((a) => a !== act) : [...draft.acts, act] });
  const count = Object.keys(errors).length;
  return (
    <form className="offer-form" noValidate onSubmit={submit} aria-labelledby="offer-form-title">
      <h2 id="offer-form-title">
        {draft.id ? t('offers.form.editTitle', { specialty: draft.specialty }) : t('offers.form.newTitle')}
      </h2>
      {count > 0 && (
        <p role="alert" className="error-summary">
          {t('offers.form.errorsCount', { count })}
        </p>
      )}
      <fieldset className="card offer-section">
        <legend>{t('offers.form.what')}</legend>
        <SelectField
          id="offer-specialty"
          label={t('offers.form.specialty')}
          hint={t('offers.form.specialtyHint')}
          value={draft.specialtyCode}
          options={[
            { value: '', label: t('offers.form.chooseSpecialty') },
            ...specialties.map((s) => ({ value: s.code, label: `${s.short} (${s.code})` })),
          ]}
          onChange={(code) => {
            const chosen = specialties.find((s) => s.code === code);
            change({ specialtyCode: code, specialty: chosen?.short ?? '' });
          }}
          error={errors['specialty'] ?? errors['specialtyCode']}
        />
        <FormField
          id="offer-hospital"
          label={t('offers.form.hospital')}
          hint={t('offers.form.hospitalHint')}
          value={draft.hospital}
          onChange={(e) => change({ hospital: e.target.value })}
          error={errors['hospital']}
        />
        <FormField
          id="offer-commune"
          label={t('offers.form.commune')}
          hint={t('offers.form.communeHint')}
          value={draft.commune}
          size={6}
          maxLength={5}
          onChange={(e) => change({ commune: e.target.value })}
          error={errors['commune'] && t('fieldErrors.insee.invalid')}
        />
        <fieldset className="offer-acts" aria-describedby={errors['acts'] ? 'offer-acts-error' : undefined}>
          <legend>{t('offers.form.acts')}</legend>
          {OFFER_ACTS.map((act) => (
            <label key={act} className="checkbox">
              <input type="checkbox" checked={draft.acts.includes(act)} onChange={() => toggleAct(act)} />
              <span>{t(`offers.acts.${act}`)}</span>
            </label>
          ))}
          <FieldError id="offer-acts-error" error={errors['acts']} />
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={draft.urgent} onChange={(e) => change({ urgent: e.target.checked })} />
          <span>{t('offers.form.urgent')}</span>
        </label>
      </fieldset>
      <OfferHoursFields draft={draft} errors={errors} change={change} />
      <OfferExpertsFields draft={draft} errors={errors} online={online} change={change} />
      {draft.urgent && <OfferRotaFields draft={draft} errors={errors} change={change} />}
      {failure && (
        <p role="alert" className="error-text">
          {failure}
        </p>
      )}
      <div className="actions">
        <ReasonedButton reason={null} className="secondary" onClick={onCancel}>
          {t('offers.form.cancel')}
        </ReasonedButton>
        <ReasonedButton type="submit" className="primary" reason={busy ? t('offers.form.publishing') : null}>
          {t('offers.form.publish')}
        </ReasonedButton>
      </div>
    </form>
  );
}

/** What the station answered, in words: its own field problems go beside the fields. */
function failureOf(t: TFunction, error: AppError): string {
  return t(`offers.errors.${error.code}`, { defaultValue: t(`errors.${error.code}`) });
}

interface Props {
  initial: Offer | null;
  specialties: Specialty[];
  online: Peer[];
  onPublished(offers: Offer[]): void;
  onCancel(): void;
}

export function OfferForm({ initial, specialties, online, onPublished, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<OfferDraft>(() => (initial ? draftOfOffer(initial) : emptyDraft()));
  const [tried, setTried] = useState(false);
  const [stationFields, setStationFields] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A new offer keeps the id it was first sent with: sending it again after a refusal or a silence
  // changes that same offer on the hub, never makes a second one.
  const [sentId, setSentId] = useState<string | null>(null);
  const check = checkDraft(draft.id || !sentId ? draft : { ...draft, id: sentId });
  const errors = tried ? errorsByPath(t, [...(check.ok ? [] : check.fields), ...stationFields]) : {};

  const change = (patch: Partial<OfferDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStationFields([]);
  };
  async function publish(): Promise<void> {
    setTried(true);
    setFailure(null);
    if (!check.ok || busy) return;
    setBusy(true);
    const result = await relais.invoke('scheduling.publishOffer', { offer: check.offer });
    setBusy(false);
    if (result.ok) return onPublished(result.value.offers);
    // The station's own check of a field (paths under "offer."), beside the field; the rest in words.
    const fields = (result.error.fields ?? [])
      .filter((f) => f.path.startsWith('offer.'))
      .map((f) => ({ ...f, path: f.path.slice('offer.'.length) }));
    setStationFields(fields);
    setFailure(fields.length > 0 ? null : failureOf(t, result.error));
    if (!draft.id) setSentId(check.offer.id);
  }

  return (
    <OfferFormView
      draft={draft}
      errors={errors}
      specialties={specialties}
      online={online}
      busy={busy}
      failure={failure}
      change={change}
      onSubmit={() => void publish()}
      onCancel={onCancel}
    />
  );
}
