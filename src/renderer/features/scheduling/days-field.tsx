// The weekdays of an hours rule or a rota line, as seven boxes with the language's short names
// (lun., mar. …), in a fieldset whose legend says what they are for.
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/form-field';

// 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days.
const dayName = (weekday: number, language: string, width: 'short' | 'long') =>
  new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

interface Props {
  id: string;
  legend: string;
  days: number[];
  onChange(days: number[]): void;
  error?: string;
}

export function DaysField({ id, legend, days, onChange, error }: Props) {
  const { i18n } = useTranslation();
  const toggle = (day: number) =>
    onChange(days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b));
  return (
    <fieldset className="offer-days" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {[1, 2, 3, 4, 5, 6, 7].map((day) => (
        <label key={day} className="checkbox" title={dayName(day, i18n.language, 'long')}>
          <input type="checkbox" checked={days.includes(day)} onChange={() => toggle(day)} />
          <span>{dayName(day, i18n.language, 'short')}</span>
        </label>
      ))}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
