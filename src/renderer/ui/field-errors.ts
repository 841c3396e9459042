// The station's field errors put back beside their fields: a form names the paths it shows
// beside an input (its "reason", "expert.rpps"), gets each one's sentence and the aria props that
// tie the input to it, and the rest stays for the form's general error line (ActError).
import type { TFunction } from 'i18next';
import type { AppError, FieldError } from '../../shared/result';

export interface SplitErrors {
  /** The sentence of each path shown beside its field. */
  byPath: Record<string, string>;
  /** What no field of the form shows (null when nothing is left). */
  rest: AppError | null;
}

export function splitFieldErrors(t: TFunction, error: AppError | null, paths: readonly string[]): SplitErrors {
  if (!error?.fields?.length) return { byPath: {}, rest: error };
  const byPath: Record<string, string> = {};
  const others: FieldError[] = [];
  for (const f of error.fields) {
    if (paths.includes(f.path) && !byPath[f.path])
      byPath[f.path] = t(`fieldErrors.${f.code}`, { ...f.params, defaultValue: t('fieldErrors.field.invalid') });
    else others.push(f);
  }
  return { byPath, rest: others.length > 0 ? { ...error, fields: others } : null };
}

/** The props that tie an input to its error line (the line's id is `${id}-error`). */
export function invalidProps(id: string, message: string | undefined) {
  return {
    'aria-invalid': message ? true : undefined,
    'aria-describedby': message ? `${id}-error` : undefined,
  } as const;
}

/**
 * The required fields left empty (or blank), as the station would refuse them: said under each
 * field before anything is sent, in the same words. Null when every one is typed.
 */
export function missingRequired(values: Record<string, string>): AppError | null {
  const fields: FieldError[] = Object.entries(values)
    .filter(([, value]) => !value.trim())
    .map(([path]) => ({ path, code: 'field.required' }));
  return fields.length > 0 ? { code: 'validation_failed', message: 'Required fields are empty', fields } : null;
}
