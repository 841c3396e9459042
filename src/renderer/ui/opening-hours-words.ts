// An offer's opening hours and its next opening in the screen's language: "lun.–ven. 08:00–18:00,
// fermé les jours fériés", "24 h/24, 7 j/7", "Ouvre lundi 7 décembre à 08:00". Weekday and date
// names come from Intl in the page's language, the sentences from the texts.
import i18next from 'i18next';
import type { OpeningHours, OpeningRule } from '../../shared/scheduling/opening-hours';

const current = () => i18next.language || 'fr';
// 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days.
const weekdayName = (weekday: number, language: string, width: 'short' | 'long') =>
  new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

/** Consecutive days as a range ("lun.–ven."), others one by one ("lun., mer."). */
function daysWords(days: number[], language: string): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === d - 1) run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${weekdayName(run[0]!, language, 'short')}–${weekdayName(run[run.length - 1]!, language, 'short')}`
        : run.map((d) => weekdayName(d, language, 'short')).join(', '),
    )
    .join(', ');
}

/** One rule's days and hours ("lun.–ven. 08:00–18:00"): a rota line is said the same way. */
export const ruleWords = (rule: OpeningRule, language = current()) =>
  `${daysWords(rule.days, language)} ${rule.from}–${rule.to}`;

/** The hours in words, with what happens on public holidays. */
export function hoursWords(hours: OpeningHours, language = current()): string {
  const t = i18next.getFixedT(language);
  if (hours.alwaysOpen) return t('hours.alwaysOpen');
  if (hours.rules.length === 0) return t('hours.noRule');
  const rules = hours.rules.map((r) => ruleWords(r, language)).join(' ; ');
  return `${rules}${hours.holidays === 'closed' ? t('hours.closedOnHolidays') : t('hours.openOnHolidays')}`;
}

/** "lundi 7 décembre à 08:00", in France's time, as the language writes it. */
export function openingWords(at: Date, language = current()): string {
  const day = new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/Paris',
  }).format(at);
  const time = new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Paris',
  }).format(at);
  return i18next.getFixedT(language)('hours.at', { day, time });
}

/** "Fermé — ouvre lundi 14 décembre à 08:00": why a closed offer (or an expert of closed offers only) cannot be called. */
export function closedWords(opensAt: Date | null, language = current()): string {
  const t = i18next.getFixedT(language);
  return opensAt ? t('hours.closedNow', { when: openingWords(opensAt, language) }) : t('hours.closedNoOpening');
}
