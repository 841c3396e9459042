// The days and hours of one rule (an opening-hours rule, a rota's weekly line): the days ticked,
// from and to (HH:MM on 24 hours), and the hours' error under them. `children` sits on the hours'
// line (the opening-hours rule's remove button).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/form-field';
import { TimeInput } from '../../ui/time-input';
import { DaysField } from './days-field';
import type { RuleDraft } from './offer-draft';

interface Props {
  /** The prefix of the fields' ids. */
  id: string;
  legend: string;
  value: RuleDraft;
  onChange(patch: Partial<RuleDraft>): void;
  /** The form's errors, by path; this rule's are `${path}.days`, `.from` and `.to`. */
  errors: Record<string, string>;
  /** The rule's path in the form's errors (hours.rules.0, rota.weekly.1). */
  path: string;
  children?: ReactNode;
}

export function DaysHoursFields({ id, legend, value, onChange, errors, path, children }: Props) {
  const { t } = useTranslation();
  const dayError = errors[`${path}.days`];
  const fromError = errors[`${path}.from`];
  const toError = errors[`${path}.to`];
  const timeError = fromError ?? toError;
  return (
    <>
      <DaysField
        id={`${id}-days`}
        legend={legend}
        days={value.days}
        onChange={(days) => onChange({ days })}
        error={dayError}
      />
      <div className="offer-times">
        <label htmlFor={`${id}-from`}>{t('offers.hours.from')}</label>
        <TimeInput
          id={`${id}-from`}
          value={value.from}
          onChange={(from) => onChange({ from })}
          aria-invalid={fromError ? true : undefined}
          aria-describedby={timeError ? `${id}-time-error` : undefined}
        />
        <label htmlFor={`${id}-to`}>{t('offers.hours.to')}</label>
        <TimeInput
          id={`${id}-to`}
          value={value.to}
          onChange={(to) => onChange({ to })}
          aria-invalid={toError ? true : undefined}
          aria-describedby={timeError ? `${id}-time-error` : undefined}
        />
        {children}
      </div>
      <FieldError id={`${id}-time-error`} error={timeError} />
    </>
  );
}
