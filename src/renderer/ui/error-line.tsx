// An error from the station about an act, in words: each field problem by its translated code
// (with its figures: a limit, a count), or the general message of the error code.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';

export function errorLines(t: TFunction, error: AppError): string[] {
  return error.fields?.length
    ? error.fields.map((f) => t(`fieldErrors.${f.code}`, { ...f.params, defaultValue: `${f.path}: ${f.code}` }))
    : [t(`errors.${error.code}`)];
}

export function ActError({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const lines = errorLines(t, error);
  return (
    <div role="alert" className="error-text">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
