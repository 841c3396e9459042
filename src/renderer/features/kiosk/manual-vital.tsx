// A measurement the cabin has no connected device for yet (blood pressure, temperature, weight):
// the pharmacist reads it on the device and types it, and it is recorded as typed, never as a
// device's. Every one can be skipped. Each field is checked as it is typed, with a decimal comma
// or point: an impossible value is said under its field and not sent; an unusual one goes only
// confirmed (the confirmation is recorded).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vital } from '../../../shared/acts/encounter';
import type { VitalField } from '../../../shared/acts/vital-limits';
import { FieldProblem, readNumbers, useVitalProblems } from '../../ui/vital-check';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

export type ManualKind = 'blood_pressure' | 'body_temperature' | 'body_weight';

function toVital(kind: ManualKind, numbers: Partial<Record<VitalField, number>>): Vital | null {
  if (kind === 'blood_pressure') {
    const { systolic, diastolic } = numbers;
    return systolic === undefined || diastolic === undefined
      ? null
      : { code: 'blood_pressure', systolic, diastolic, unit: 'mm[Hg]' };
  }
  if (numbers.value === undefined) return null;
  const { value } = numbers;
  return kind === 'body_temperature'
    ? { code: 'body_temperature', value, unit: 'Cel' }
    : { code: 'body_weight', value, unit: 'kg' };
}

export function ManualVital({
  kind,
  onSave,
  problem,
}: {
  kind: ManualKind;
  onSave(vital: Vital, unusualConfirmed: boolean): void;
  problem: string | null;
}) {
  const { t } = useTranslation();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const problemsOf = useVitalProblems();
  const firstField: VitalField = kind === 'blood_pressure' ? 'systolic' : 'value';
  const { numbers, invalid } = readNumbers(
    kind === 'blood_pressure' ? { systolic: first, diastolic: second } : { value: first },
  );
  const vital = toVital(kind, numbers);
  const problems = problemsOf(vital, invalid);
  const blocking = Object.values(problems).some((p) => p.level !== 'unusual');
  const unusual = Object.values(problems).some((p) => p.level === 'unusual');
  const typed = (set: (v: string) => void) => (value: string) => {
    set(value);
    setConfirmed(false);
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    if (vital && !blocking && (!unusual || confirmed)) onSave(vital, unusual);
  }
  return (
    <form className="kiosk-vital" aria-label={t(`kiosk.measure.${kind}.title`)} onSubmit={submit} noValidate>
      <h3>{t(`kiosk.measure.${kind}.title`)}</h3>
      <label htmlFor={`kiosk-${kind}-1`}>{t(`kiosk.measure.${kind}.first`)}</label>
      <input
        id={`kiosk-${kind}-1`}
        inputMode="decimal"
        value={first}
        onChange={(e) => typed(setFirst)(e.target.value)}
        required
        aria-describedby={`kiosk-${kind}-1-problem`}
      />
      <FieldProblem id={`kiosk-${kind}-1-problem`} problem={problems[firstField]} />
      {kind === 'blood_pressure' && (
        <>
          <label htmlFor={`kiosk-${kind}-2`}>{t('kiosk.measure.blood_pressure.second')}</label>
          <input
            id={`kiosk-${kind}-2`}
            inputMode="decimal"
            value={second}
            onChange={(e) => typed(setSecond)(e.target.value)}
            required
            aria-describedby={`kiosk-${kind}-2-problem`}
          />
          <FieldProblem id={`kiosk-${kind}-2-problem`} problem={problems.diastolic} />
        </>
      )}
      {unusual && (
        <label className="confirm-unusual">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t('acts.confirmUnusual')}
        </label>
      )}
      <ReasonedButton
        type="submit"
        className="kiosk-button secondary"
        reason={firstReason([
          !vital && t('acts.why.valueFirst'),
          blocking && t('acts.why.valueWrong'),
          unusual && !confirmed && t('acts.why.confirmFirst'),
        ])}
      >
        {t('kiosk.measure.save')}
      </ReasonedButton>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </form>
  );
}
