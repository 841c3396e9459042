// Opening hours in words (ui/opening-hours-words.ts), English.
import type { hoursFr } from './texts-hours-fr';

export const hoursEn: Record<keyof typeof hoursFr, string> = {
  alwaysOpen: '24/7',
  noRule: 'No hours published',
  closedOnHolidays: ', closed on public holidays',
  openOnHolidays: ', public holidays included',
  at: '{{day}} at {{time}}',
  openNow: 'Open',
  closedNow: 'Closed — opens {{when}}',
  closedNoOpening: 'Closed — no opening in the next two weeks',
};
