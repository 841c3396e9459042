// A measurement the cabin has no connected device for yet (blood pressure, temperature, weight):
// the pharmacist reads it on the device and types it, and it is recorded as typed, never as a
// device's. Every one can be skipped.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vital } from '../../../shared/encounter';

export type ManualKind = 'blood_pressure' | 'body_temperature' | 'body_weight';

const number = (text: string) => Number(text.replace(',', '.'));

function toVital(kind: ManualKind, first: string, second: string): Vital {
  if (kind === 'blood_pressure') return { code: 'blood_pressure', systolic: number(first), diastolic: number(second), unit: 'mm[Hg]' };
  if (kind === 'body_temperature') return { code: 'body_temperature', value: number(first), unit: 'Cel' };
  return { code: 'body_weight', value: number(first), unit: 'kg' };
}

export function ManualVital({ kind, onSave, problem }: { kind: ManualKind; onSave(vital: Vital): void; problem: string | null }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(toVital(kind, first, second));
  }
  return (
    <form className="kiosk-vital" aria-label={t(`kiosk.measure.${kind}.title`)} onSubmit={submit}>
      <h3>{t(`kiosk.measure.${kind}.title`)}</h3>
      <label htmlFor={`kiosk-${kind}-1`}>{t(`kiosk.measure.${kind}.first`)}</label>
      <input id={`kiosk-${kind}-1`} inputMode="decimal" value={first} onChange={(e) => setFirst(e.target.value)} required />
      {kind === 'blood_pressure' && (
        <>
          <label htmlFor={`kiosk-${kind}-2`}>{t('kiosk.measure.blood_pressure.second')}</label>
          <input id={`kiosk-${kind}-2`} inputMode="decimal" value={second} onChange={(e) => setSecond(e.target.value)} required />
        </>
      )}
      <button type="submit" className="kiosk-button secondary">{t('kiosk.measure.save')}</button>
      {problem && <p role="alert" className="error-text">{problem}</p>}
    </form>
  );
}
