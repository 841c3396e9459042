// An offer's opening hours as rules: each rule its days and its hours (France's time, HH:MM on 24
// hours); a rule added or removed; always open (an urgent offer's usual hours); closed or open on
// France's public holidays.
import { useTranslation } from 'react-i18next';
import { ReasonedButton } from '../../ui/disabled-reason';
import { FieldError } from '../../ui/form-field';
import { TimeInput } from '../../ui/time-input';
import { DaysField } from './days-field';
import { emptyRule, type OfferDraft, type RuleDraft } from './offer-draft';

interface Props {
  draft: OfferDraft;
  errors: Record<string, string>;
  change(patch: Partial<OfferDraft>): void;
}

export function OfferHoursFields({ draft, errors, change }: Props) {
  const { t } = useTranslation();
  const setRule = (index: number, patch: Partial<RuleDraft>) =>
    change({ rules: draft.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="card offer-section">
      <legend>{t('offers.hours.title')}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={draft.alwaysOpen} onChange={(e) => change({ alwaysOpen: e.target.checked })} />
        <span>{t('offers.hours.alwaysOpen')}</span>
      </label>
      {!draft.alwaysOpen && (
        <>
          {draft.rules.length === 0 && <p className="hint">{t('offers.hours.noRule')}</p>}
          <ol className="offer-rules">
            {draft.rules.map((rule, index) => {
              const id = `hours-rule-${index}`;
              const path = `hours.rules.${index}`;
              const timeError = errors[`${path}.from`] ?? errors[`${path}.to`];
              return (
                <li key={index} className="offer-rule">
                  <DaysField
                    id={`${id}-days`}
                    legend={t('offers.hours.ruleDays', { n: index + 1 })}
                    days={rule.days}
                    onChange={(days) => setRule(index, { days })}
                    error={errors[`${path}.days`]}
                  />
                  <div className="offer-times">
                    <label htmlFor={`${id}-from`}>{t('offers.hours.from')}</label>
                    <TimeInput
                      id={`${id}-from`}
                      value={rule.from}
                      onChange={(from) => setRule(index, { from })}
                      aria-invalid={errors[`${path}.from`] ? true : undefined}
                      aria-describedby={timeError ? `${id}-time-error` : undefined}
                    />
                    <label htmlFor={`${id}-to`}>{t('offers.hours.to')}</label>
                    <TimeInput
                      id={`${id}-to`}
                      value={rule.to}
                      onChange={(to) => setRule(index, { to })}
                      aria-invalid={errors[`${path}.to`] ? true : undefined}
                      aria-describedby={timeError ? `${id}-time-error` : undefined}
                    />
                    <ReasonedButton
                      reason={null}
                      className="secondary"
                      onClick={() => change({ rules: draft.rules.filter((_, i) => i !== index) })}
                    >
                      {t('offers.hours.removeRule', { n: index + 1 })}
                    </ReasonedButton>
                  </div>
                  <FieldError id={`${id}-time-error`} error={timeError} />
                </li>
              );
            })}
          </ol>
          <ReasonedButton
            reason={null}
            className="secondary"
            onClick={() => change({ rules: [...draft.rules, emptyRule()] })}
          >
            {t('offers.hours.addRule')}
          </ReasonedButton>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.holidaysClosed}
              onChange={(e) => change({ holidaysClosed: e.target.checked })}
            />
            <span>{t('offers.hours.holidaysClosed')}</span>
          </label>
        </>
      )}
      <FieldError id="hours-error" error={errors['hours.rules'] ?? errors['hours']} />
    </fieldset>
  );
}
