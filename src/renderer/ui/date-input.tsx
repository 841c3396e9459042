// A date typed as JJ/MM/AAAA, whatever the browser's language: the native type="date" follows
// the browser's locale (MM/DD/YYYY on an English machine). The text is the value;
// parseTypedDate (typed-values.ts) reads it when the form is sent, and the form shows its own
// error beside the field, never a browser bubble.
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface DateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> {
  value: string;
  onChange(text: string): void;
}

export function DateInput({ value, onChange, ...input }: DateInputProps) {
  const { t } = useTranslation();
  return (
    <input
      type="text"
      inputMode="numeric"
      pattern="\d{1,2}/\d{1,2}/\d{4}"
      placeholder={t('inputs.datePlaceholder')}
      size={10}
      maxLength={10}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...input}
    />
  );
}
