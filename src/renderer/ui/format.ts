// Numbers, sizes and dates as the screen's language writes them (37,2 in French, 37.2 in
// English; "0,3 Mo" and "0.3 MB"), through Intl, so that no screen prints a number or a date
// in another language's form. The language is the page's (i18next's), unless one is given.
import i18next from 'i18next';

const current = () => i18next.language || 'fr';

/** A number with at most `digits` decimals (and at least `min`), grouped as the language does. */
export function formatNumber(value: number, digits = 1, min = 0, language = current()): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: digits,
    minimumFractionDigits: Math.min(min, digits),
  }).format(value);
}

/** A file's size in the language's unit names: ko/Mo in French, kB/MB in English (decimal units). */
export function formatBytes(bytes: number, language = current()): string {
  const french = language.startsWith('fr');
  if (bytes < 1_000_000)
    return `${formatNumber(Math.max(1, Math.round(bytes / 1000)), 0, 0, language)} ${french ? 'ko' : 'kB'}`;
  const digits = bytes < 10_000_000 ? 1 : 0;
  return `${formatNumber(bytes / 1_000_000, digits, digits, language)} ${french ? 'Mo' : 'MB'}`;
}

/** A date and time as the language writes them (24-hour, day first, in French). */
export function formatDateTime(at: string | Date, language = current()): string {
  return new Date(at).toLocaleString(language);
}

/** A time of day as the language writes it (24-hour in French), never the browser's own locale. */
export function formatTime(at: string | Date, language = current()): string {
  return new Date(at).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/** How long since `since`, in the language's words, to the minute: "2 h 10 min", "3 j 4 h" ("3 d 4 h"). */
export function formatWaited(since: string | Date, now: Date = new Date(), language = current()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const day = language.startsWith('fr') ? 'j' : 'd';
  if (days > 0) return `${formatNumber(days, 0, 0, language)} ${day} ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}
