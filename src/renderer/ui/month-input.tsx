// A month chosen as a month's name and a year, in the screen's language: the native
// type="month" shows "July 2026" and an English calendar on an English machine. The value is
// "YYYY-MM", as the station's channels take it (typed-values.ts).
import { useTranslation } from 'react-i18next';
import { monthOf, monthValue } from './typed-values';

interface MonthInputProps {
  /** The id of the month's select; the year's is `${id}-year`. */
  id: string;
  /** The field's name, read by screen readers on both selects ("Du mois : mois", "… : année"). */
  label: string;
  value: string;
  onChange(value: string): void;
  /** The years offered, oldest first. */
  years: number[];
}

export function MonthInput({ id, label, value, onChange, years }: MonthInputProps) {
  const { t, i18n } = useTranslation();
  const current = monthOf(value) ?? { year: years[years.length - 1] ?? new Date().getFullYear(), month: 1 };
  // Month names from the screen's language (i18next's), never the browser's.
  const name = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, i) => name.format(new Date(Date.UTC(2000, i, 15))));
  const offered = years.includes(current.year) ? years : [...years, current.year].sort((a, b) => a - b);
  return (
    <span className="month-input">
      <select
        id={id}
        aria-label={label}
        value={current.month}
        onChange={(e) => onChange(monthValue(current.year, Number(e.target.value)))}
      >
        {months.map((m, i) => (
          <option key={m} value={i + 1}>
            {m}
          </option>
        ))}
      </select>
      <select
        id={`${id}-year`}
        aria-label={`${label} : ${t('inputs.year')}`}
        value={current.year}
        onChange={(e) => onChange(monthValue(Number(e.target.value), current.month))}
      >
        {offered.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </span>
  );
}
