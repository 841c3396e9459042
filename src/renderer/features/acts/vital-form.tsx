// The act's measurements, typed or taken from the oximeter. Each field is checked as it is typed
// (vital-check.tsx): an impossible value is said under its field and the measurement is not sent;
// an unusual one is said there too and goes only with "I confirm this value" ticked, which the
// station records with it. The station checks the same limits again.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vital } from '../../../shared/acts/encounter';
import type { AppError } from '../../../shared/result';
import { checkVital, type VitalField } from '../../../shared/acts/vital-limits';
import { relais } from '../../api';
import { deviceLabel, useDevices } from '../../ui/devices-store';
import { FieldProblem, fieldProblemsOf, readNumbers, useVitalProblems, type Problems } from '../../ui/vital-check';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

export const VITALS = [
  'spo2',
  'heart_rate',
  'blood_pressure',
  'body_temperature',
  'respiratory_rate',
  'body_weight',
] as const;
type Code = (typeof VITALS)[number];
const UNIT = {
  spo2: '%',
  heart_rate: '/min',
  respiratory_rate: '/min',
  body_temperature: 'Cel',
  body_weight: 'kg',
  blood_pressure: 'mm[Hg]',
} as const;
const SHOWN_UNIT: Record<string, string> = { Cel: '°C', 'mm[Hg]': 'mmHg' };

function toVital(code: Code, numbers: Partial<Record<VitalField, number>>): Vital | null {
  if (code === 'blood_pressure') {
    const { systolic, diastolic } = numbers;
    return systolic === undefined || diastolic === undefined ? null : { code, systolic, diastolic, unit: UNIT[code] };
  }
  return numbers.value === undefined ? null : ({ code, value: numbers.value, unit: UNIT[code] } as Vital);
}

export function VitalForm({ encounterId, onDone }: { encounterId: string; onDone: (error: AppError | null) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<Code>('spo2');
  const [first, setFirst] = useState('');
  const [diastolic, setDiastolic] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  /** What the station refused, under its field, until the value changes. */
  const [refused, setRefused] = useState<Problems>({});
  const oximeter = useDevices((s) =>
    Object.values(s.oximeters).find((o) => o.reading.status === 'measuring' && o.reading.spo2 !== null),
  );
  // The devices' names, for the measurement's device (its label, never its id).
  const devices = useDevices((s) => s.devices);
  useEffect(() => {
    if (!devices) void useDevices.getState().load();
  }, [devices]);
  const [noOximeter, setNoOximeter] = useState(false);
  const [oximeterProblem, setOximeterProblem] = useState<string | null>(null);
  const problemsOf = useVitalProblems();

  const firstField: VitalField = code === 'blood_pressure' ? 'systolic' : 'value';
  const { numbers, invalid } = readNumbers(
    code === 'blood_pressure' ? { systolic: first, diastolic } : { value: first },
  );
  const vital = toVital(code, numbers);
  const problems: Problems = { ...refused, ...problemsOf(vital, invalid) };
  const blocking = Object.values(problems).some((p) => p.level !== 'unusual');
  const unusual = Object.values(problems).some((p) => p.level === 'unusual');
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    setRefused({});
    setConfirmed(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!vital || blocking || (unusual && !confirmed)) return;
    const author = await needAuthor();
    if (!author) return;
    const takenAt = new Date().toISOString();
    const r = await relais.invoke('encounters.observe', {
      encounterId,
      vital,
      takenAt,
      method: 'manual',
      takenBy: author.name,
      unusualConfirmed: unusual && confirmed,
    });
    if (r.ok) {
      setFirst('');
      setDiastolic('');
      setConfirmed(false);
      return onDone(null);
    }
    // A field's refusal goes back under the field; anything else above the page's sections.
    const { problems: fromStation, rest } = fieldProblemsOf(r.error.fields, t);
    setRefused(fromStation);
    onDone(rest.length > 0 || Object.keys(fromStation).length === 0 ? r.error : null);
  }

  async function fromOximeter() {
    const reading = oximeter?.reading;
    setNoOximeter(!reading);
    if (!reading || reading.spo2 === null) return;
    const author = await needAuthor();
    if (!author) return;
    const common = {
      encounterId,
      takenAt: reading.at,
      method: 'device' as const,
      device: deviceLabel(devices, reading.deviceId) ?? t('devices.unnamed'),
      takenBy: author.name,
    };
    const taken: Vital[] = [{ code: 'spo2', value: reading.spo2, unit: '%' }];
    if (reading.pulseRate !== null) taken.push({ code: 'heart_rate', value: reading.pulseRate, unit: '/min' });
    for (const v of taken) {
      // A device's unusual value (SpO2 under 70 %: accuracy not declared there) is confirmed like a typed one.
      const odd = checkVital(v).length > 0;
      if (odd && !confirmed) {
        setOximeterProblem(problemsOf(v, []).value?.text ?? null);
        return;
      }
      const r = await relais.invoke('encounters.observe', { ...common, vital: v, unusualConfirmed: odd && confirmed });
      if (!r.ok) return onDone(r.error);
    }
    setOximeterProblem(null);
    setConfirmed(false);
    onDone(null);
  }

  const described = (field: VitalField) => (problems[field] ? `vital-${field}-problem` : undefined);
  return (
    <form className="vital-form" aria-label={t('acts.vitals')} onSubmit={(e) => void submit(e)} noValidate>
      <div className="vital-row">
        <label>
          {t('acts.vitals')}
          <select
            value={code}
            onChange={(e) => {
              setCode(e.target.value as Code);
              edit(setFirst)('');
              setDiastolic('');
            }}
          >
            {VITALS.map((v) => (
              <option key={v} value={v}>
                {t(`acts.vitalNames.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="vital-field">
          {code === 'blood_pressure' ? t('acts.systolic') : t('acts.value')} ({SHOWN_UNIT[UNIT[code]] ?? UNIT[code]})
          <input
            value={first}
            onChange={(e) => edit(setFirst)(e.target.value)}
            inputMode="decimal"
            required
            size={6}
            aria-invalid={problems[firstField] && problems[firstField].level !== 'unusual' ? true : undefined}
            aria-describedby={described(firstField)}
          />
          <FieldProblem id={`vital-${firstField}-problem`} problem={problems[firstField]} />
        </label>
        {code === 'blood_pressure' && (
          <label className="vital-field">
            {t('acts.diastolic')}
            <input
              value={diastolic}
              onChange={(e) => edit(setDiastolic)(e.target.value)}
              inputMode="decimal"
              required
              size={6}
              aria-invalid={problems.diastolic && problems.diastolic.level !== 'unusual' ? true : undefined}
              aria-describedby={described('diastolic')}
            />
            <FieldProblem id="vital-diastolic-problem" problem={problems.diastolic} />
          </label>
        )}
        {(unusual || oximeterProblem) && (
          <label className="confirm-unusual">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t('acts.confirmUnusual')}
          </label>
        )}
      </div>
      <div className="inline-form">
        <AuthorLine />
        <ReasonedButton
          type="submit"
          reason={firstReason([
            !vital && t('acts.why.valueFirst'),
            blocking && t('acts.why.valueWrong'),
            unusual && !confirmed && t('acts.why.confirmFirst'),
          ])}
        >
          {t('acts.record')}
        </ReasonedButton>
        <button type="button" onClick={() => void fromOximeter()}>
          {t('acts.fromOximeter')}
        </button>
      </div>
      {noOximeter && <p className="hint">{t('acts.noOximeter')}</p>}
      {oximeterProblem && (
        <p role="status" className="field-warning">
          {oximeterProblem}
        </p>
      )}
    </form>
  );
}
