// An urgent offer's on-call rota: weekly lines (days, hours, experts in ringing order), dated
// exceptions that replace them for a period (a swap, a leave, with a note), whether public holidays
// follow the Sunday lines, and how long an expert rings before the next one (30 s by default).
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/date-input';
import { FieldError, FormField } from '../../ui/form-field';
import { TimeInput } from '../../ui/time-input';
import { DaysHoursFields } from './days-hours-fields';
import { ExpertOrder } from './expert-order';
import {
  emptyException,
  emptyShift,
  type ExceptionDraft,
  type OfferDraft,
  type RotaDraft,
  type ShiftDraft,
} from './offer-draft';
import { RuleList } from './rule-list';

interface Props {
  draft: OfferDraft;
  errors: Record<string, string>;
  change(patch: Partial<OfferDraft>): void;
}

export function OfferRotaFields({ draft, errors, change }: Props) {
  const { t } = useTranslation();
  const rota = draft.rota;
  const setRota = (patch: Partial<RotaDraft>) => change({ rota: { ...rota, ...patch } });
  const setShift = (index: number, patch: Partial<ShiftDraft>) =>
    setRota({ weekly: rota.weekly.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const setException = (index: number, patch: Partial<ExceptionDraft>) =>
    setRota({ exceptions: rota.exceptions.map((x, i) => (i === index ? { ...x, ...patch } : x)) });
  return (
    <fieldset className="card offer-section">
      <legend>{t('offers.rota.title')}</legend>
      <p className="hint">{t('offers.rota.intro')}</p>
      <h3>{t('offers.rota.weekly')}</h3>
      <RuleList
        items={rota.weekly}
        keyOf={(_, index) => index}
        empty={t('offers.rota.noLine')}
        addLabel={t('offers.rota.addLine')}
        removeLabel={(index) => t('offers.rota.removeLine', { n: index + 1 })}
        newItem={emptyShift}
        onChange={(weekly) => setRota({ weekly })}
      >
        {(shift, index, removeButton) => {
          const id = `rota-line-${index}`;
          const path = `rota.weekly.${index}`;
          return (
            <>
              <DaysHoursFields
                id={id}
                legend={t('offers.rota.lineDays', { n: index + 1 })}
                value={shift}
                onChange={(patch) => setShift(index, patch)}
                errors={errors}
                path={path}
              />
              <ExpertOrder
                id={`${id}-experts`}
                order={shift.experts}
                experts={draft.experts}
                onChange={(experts) => setShift(index, { experts })}
                error={errors[`${path}.experts`]}
              />
              {removeButton}
            </>
          );
        }}
      </RuleList>

      <h3>{t('offers.rota.exceptions')}</h3>
      <RuleList
        items={rota.exceptions}
        keyOf={(exception) => exception.id}
        empty={t('offers.rota.noException')}
        addLabel={t('offers.rota.addException')}
        removeLabel={(index) => t('offers.rota.removeException', { n: index + 1 })}
        newItem={emptyException}
        onChange={(exceptions) => setRota({ exceptions })}
      >
        {(exception, index, removeButton) => {
          const id = `rota-exception-${index}`;
          const path = `rota.exceptions.${index}`;
          const periodError = errors[`${path}.from`] ?? errors[`${path}.to`];
          return (
            <>
              <fieldset className="offer-period" aria-describedby={periodError ? `${id}-period-error` : undefined}>
                <legend>{t('offers.rota.period', { n: index + 1 })}</legend>
                <div className="offer-times">
                  <label htmlFor={`${id}-from-date`}>{t('offers.rota.fromDay')}</label>
                  <DateInput
                    id={`${id}-from-date`}
                    value={exception.fromDate}
                    onChange={(fromDate) => setException(index, { fromDate })}
                    aria-invalid={errors[`${path}.from`] ? true : undefined}
                  />
                  <label htmlFor={`${id}-from-time`}>{t('offers.rota.at')}</label>
                  <TimeInput
                    id={`${id}-from-time`}
                    value={exception.fromTime}
                    onChange={(fromTime) => setException(index, { fromTime })}
                    aria-invalid={errors[`${path}.from`] ? true : undefined}
                  />
                </div>
                <div className="offer-times">
                  <label htmlFor={`${id}-to-date`}>{t('offers.rota.toDay')}</label>
                  <DateInput
                    id={`${id}-to-date`}
                    value={exception.toDate}
                    onChange={(toDate) => setException(index, { toDate })}
                    aria-invalid={errors[`${path}.to`] ? true : undefined}
                  />
                  <label htmlFor={`${id}-to-time`}>{t('offers.rota.at')}</label>
                  <TimeInput
                    id={`${id}-to-time`}
                    value={exception.toTime}
                    onChange={(toTime) => setException(index, { toTime })}
                    aria-invalid={errors[`${path}.to`] ? true : undefined}
                  />
                </div>
                <FieldError
                  id={`${id}-period-error`}
                  error={periodError && t('offers.rota.periodError', { why: periodError })}
                />
              </fieldset>
              <ExpertOrder
                id={`${id}-experts`}
                order={exception.experts}
                experts={draft.experts}
                onChange={(experts) => setException(index, { experts })}
                error={errors[`${path}.experts`]}
              />
              <FormField
                id={`${id}-note`}
                label={t('offers.rota.note')}
                hint={t('offers.rota.noteHint')}
                value={exception.note}
                maxLength={200}
                onChange={(e) => setException(index, { note: e.target.value })}
                error={errors[`${path}.note`]}
              />
              {removeButton}
            </>
          );
        }}
      </RuleList>

      <h3>{t('offers.rota.rules')}</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={rota.holidaysAsSunday}
          onChange={(e) => setRota({ holidaysAsSunday: e.target.checked })}
        />
        <span>{t('offers.rota.holidaysAsSunday')}</span>
      </label>
      <FormField
        id="rota-delay"
        label={t('offers.rota.delay')}
        hint={t('offers.rota.delayHint')}
        inputMode="numeric"
        size={4}
        value={rota.escalateAfterSeconds}
        onChange={(e) => setRota({ escalateAfterSeconds: e.target.value })}
        error={errors['rota.escalateAfterSeconds']}
      />
    </fieldset>
  );
}
