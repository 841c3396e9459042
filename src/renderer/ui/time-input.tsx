// A time of day typed as HH:MM on 24 hours, whatever the browser's language: the native
// type="time" shows "09:40 AM" on an English machine, even on a French screen. The text is the
// value; parseTypedTime (typed-values.ts) reads it when the form is sent, and the form shows its
// own error beside the field (FieldNotes), never a browser bubble.
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface TimeInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> {
  value: string;
  onChange(text: string): void;
}

export function TimeInput({ value, onChange, ...input }: TimeInputProps) {
  const { t } = useTranslation();
  return (
    <input
      type="text"
      inputMode="numeric"
      // A hint for assistive tools; the form checks with parseTypedTime (noValidate forms).
      pattern="\d{1,2}[:hH]\d{2}"
      placeholder={t('inputs.timePlaceholder')}
      size={5}
      maxLength={5}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...input}
    />
  );
}
