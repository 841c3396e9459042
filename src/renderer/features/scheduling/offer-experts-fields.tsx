// The experts who serve an offer: each her hub identity (her token's subject) and her name as the
// offer shows it; an expert online on the hub can be picked instead of typed. Whether any expert of
// the specialty online serves it too.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../shared/hub-protocol';
import type { OfferExpert } from '../../../shared/scheduling/offer';
import { ReasonedButton } from '../../ui/disabled-reason';
import { FieldError, FormField } from '../../ui/form-field';
import type { OfferDraft } from './offer-draft';

interface Props {
  draft: OfferDraft;
  errors: Record<string, string>;
  online: Peer[];
  change(patch: Partial<OfferDraft>): void;
}

export function OfferExpertsFields({ draft, errors, online, change }: Props) {
  const { t } = useTranslation();
  const pickId = useId();
  const setExpert = (index: number, patch: Partial<OfferExpert>) =>
    change({ experts: draft.experts.map((e, i) => (i === index ? { ...e, ...patch } : e)) });
  const removeExpert = (index: number) => {
    const gone = draft.experts[index]?.id;
    change({
      experts: draft.experts.filter((_, i) => i !== index),
      // Who leaves the offer leaves its rota too: a line never rings someone the offer no longer names.
      rota: {
        ...draft.rota,
        weekly: draft.rota.weekly.map((s) => ({ ...s, experts: s.experts.filter((x) => x !== gone) })),
        exceptions: draft.rota.exceptions.map((x) => ({ ...x, experts: x.experts.filter((y) => y !== gone) })),
      },
    });
  };
  const pickable = online.filter((p) => p.role === 'expert' && !draft.experts.some((e) => e.id === p.id));
  return (
    <fieldset className="card offer-section">
      <legend>{t('offers.experts.title')}</legend>
      <p className="hint">{t('offers.experts.idHint')}</p>
      {draft.experts.length === 0 && <p className="hint">{t('offers.experts.none')}</p>}
      <ol className="offer-experts">
        {draft.experts.map((expert, index) => (
          <li key={index} className="offer-expert">
            <FormField
              id={`expert-${index}-id`}
              label={t('offers.experts.id')}
              value={expert.id}
              onChange={(e) => setExpert(index, { id: e.target.value })}
              error={errors[`experts.${index}.id`]}
            />
            <FormField
              id={`expert-${index}-name`}
              label={t('offers.experts.name')}
              value={expert.name}
              onChange={(e) => setExpert(index, { name: e.target.value })}
              error={errors[`experts.${index}.name`]}
            />
            <ReasonedButton reason={null} className="secondary" onClick={() => removeExpert(index)}>
              {t('offers.experts.remove', { name: expert.name || expert.id || index + 1 })}
            </ReasonedButton>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <ReasonedButton
          reason={null}
          className="secondary"
          onClick={() => change({ experts: [...draft.experts, { id: '', name: '' }] })}
        >
          {t('offers.experts.add')}
        </ReasonedButton>
      </div>
      <div className="field">
        <label htmlFor={pickId}>{t('offers.experts.pickOnline')}</label>
        <select
          id={pickId}
          value=""
          onChange={(e) => {
            const peer = pickable.find((p) => p.id === e.target.value);
            if (peer) change({ experts: [...draft.experts, { id: peer.id, name: peer.name }] });
          }}
        >
          <option value="">
            {pickable.length > 0 ? t('offers.experts.chooseOnline') : t('offers.experts.noneOnline')}
          </option>
          {pickable.map((p) => (
            <option key={p.id} value={p.id}>
              {[p.name, p.specialty, p.site].filter(Boolean).join(' — ')}
            </option>
          ))}
        </select>
      </div>
      <FieldError id="experts-error" error={errors['experts']} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.openToSpecialty}
          onChange={(e) => change({ openToSpecialty: e.target.checked })}
        />
        <span>
          {t('offers.experts.openToSpecialty', { specialty: draft.specialty || t('offers.experts.theSpecialty') })}
        </span>
      </label>
    </fieldset>
  );
}
