// A file picker that speaks the screen's language: a labelled button ("Choisir un fichier") and
// the chosen file's name, over a hidden native input (whose own button says "Choose File" on an
// English browser, and "No file chosen"). The native input keeps the field's label, so that
// screen readers, keyboard users (the button) and tests reach the same input.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePickerProps {
  id: string;
  /** The field's label ("Fichier (PDF, photo PNG ou JPEG)"). */
  label: string;
  accept: string;
  onChange(file: File | null): void;
  /** When the form is reset after sending, the name shown goes back to "Aucun fichier choisi". */
  file: File | null;
  error?: string;
  disabled?: boolean;
}

export function FilePicker({ id, label, accept, onChange, file, error, disabled }: FilePickerProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  const shown = file ? (name ?? file.name) : null;
  return (
    <div className={`file-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="file"
        // Hidden: its own button says "Choose File" in the browser's language; ours opens it.
        hidden
        tabIndex={-1}
        accept={accept}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-chosen${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          const chosen = e.target.files?.[0] ?? null;
          setName(chosen?.name ?? null);
          onChange(chosen);
        }}
      />
      <button
        type="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        aria-describedby={`${id}-chosen`}
      >
        {t('inputs.chooseFile')}
      </button>{' '}
      <span id={`${id}-chosen`} className="hint">
        {shown ? t('inputs.chosenFile', { name: shown }) : t('inputs.noFile')}
      </span>
      {error && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
