// The experts of a rota line or an exception, in the order they are rung: the first is on duty,
// the next ones are the backups. Chosen among the offer's experts (their names are the offer's).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferExpert } from '../../../shared/scheduling/offer';
import { ReasonedButton } from '../../ui/disabled-reason';
import { FieldError } from '../../ui/form-field';

interface Props {
  id: string;
  /** The hub ids, in ringing order. */
  order: string[];
  experts: OfferExpert[];
  onChange(order: string[]): void;
  error?: string;
}

export function ExpertOrder({ id, order, experts, onChange, error }: Props) {
  const { t } = useTranslation();
  const selectId = useId();
  const nameOf = (expertId: string) => experts.find((e) => e.id === expertId)?.name || expertId;
  const left = experts.filter((e) => e.id.trim() && !order.includes(e.id));
  const move = (index: number) => {
    const next = [...order];
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    onChange(next);
  };
  return (
    <div className="expert-order">
      <p className="field-title" id={`${id}-title`}>
        {t('offers.rota.ringOrder')}
      </p>
      {order.length === 0 ? (
        <p className="hint">{t('offers.rota.noExpertYet')}</p>
      ) : (
        <ol aria-labelledby={`${id}-title`}>
          {order.map((expertId, index) => (
            <li key={expertId}>
              <span>
                {nameOf(expertId)}
                {index === 0 ? ` — ${t('offers.rota.onDuty')}` : ` — ${t('offers.rota.backup')}`}
              </span>
              {index > 0 && (
                <ReasonedButton reason={null} className="secondary" onClick={() => move(index)}>
                  {t('offers.rota.moveUp', { name: nameOf(expertId) })}
                </ReasonedButton>
              )}
              <ReasonedButton
                reason={null}
                className="secondary"
                onClick={() => onChange(order.filter((x) => x !== expertId))}
              >
                {t('offers.rota.removeExpert', { name: nameOf(expertId) })}
              </ReasonedButton>
            </li>
          ))}
        </ol>
      )}
      <div className="field">
        <label htmlFor={selectId}>{t('offers.rota.addExpert')}</label>
        <select
          id={selectId}
          value=""
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => e.target.value && onChange([...order, e.target.value])}
        >
          <option value="">{left.length > 0 ? t('offers.rota.chooseExpert') : t('offers.rota.noExpertLeft')}</option>
          {left.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name || e.id}
            </option>
          ))}
        </select>
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
