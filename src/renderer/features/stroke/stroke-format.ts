// How the stroke sheet writes its times, bands and refusals in the screen's language: dates as
// DD/MM/YYYY and times on 24 hours in both languages (the station works in France), through Intl.
import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/result';
import type { TenecteplaseBand } from '../../../shared/stroke/thrombolysis-dose';
import { errorLines } from '../../ui/error-line';

const locale = (language: string) => (language.startsWith('en') ? 'en-GB' : 'fr-FR');

/** "05/12/2026 23:30": the date is always written, so that a time before midnight reads as such. */
export const dateTimeText = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(locale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

export const numberText = (x: number, language: string): string =>
  x.toLocaleString(locale(language), { maximumFractionDigits: 2 });

export function bandText(t: TFunction, band: TenecteplaseBand, language: string): string {
  const from = numberText(band.fromKg, language);
  if (band.belowKg === null) return t('stroke.bands.last', { from });
  const below = numberText(band.belowKg, language);
  return band.fromKg === 0 ? t('stroke.bands.first', { below }) : t('stroke.bands.middle', { from, below });
}

/** A refusal of the sheet's rules in words (stroke.refusals), or the station's error as elsewhere. */
export function strokeErrorLines(t: TFunction, error: AppError): string[] {
  const fields = error.fields ?? [];
  if (fields.length === 0 || !fields.every((f) => f.code.startsWith('stroke.'))) return errorLines(t, error);
  return fields.map((f) => t(`stroke.refusals.${f.code.slice('stroke.'.length)}`, { ...f.params }));
}
