// An offer's opening hours as rules: each rule its days and its hours (France's time, HH:MM on 24
// hours); a rule added or removed; always open (an urgent offer's usual hours); closed or open on
// France's public holidays.
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/form-field';
import { DaysHoursFields } from './days-hours-fields';
import { emptyRule, type OfferDraft, type RuleDraft } from './offer-draft';
import { RuleList } from './rule-list';

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
          <RuleList
            items={draft.rules}
            keyOf={(_, index) => index}
            empty={t('offers.hours.noRule')}
            addLabel={t('offers.hours.addRule')}
            removeLabel={(index) => t('offers.hours.removeRule', { n: index + 1 })}
            newItem={emptyRule}
            onChange={(rules) => change({ rules })}
          >
            {(rule, index, removeButton) => {
              const path = `hours.rules.${index}`;
              return (
                <DaysHoursFields
                  id={`hours-rule-${index}`}
                  legend={t('offers.hours.ruleDays', { n: index + 1 })}
                  value={rule}
                  onChange={(patch) => setRule(index, patch)}
                  errors={errors}
                  path={path}
                >
                  {removeButton}
                </DaysHoursFields>
              );
            }}
          </RuleList>
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
