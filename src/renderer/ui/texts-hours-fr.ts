// Opening hours in words (ui/opening-hours-words.ts), French: the reference.
export const hoursFr = {
  alwaysOpen: '24 h/24, 7 j/7',
  noRule: 'Aucun horaire publié',
  closedOnHolidays: ', fermé les jours fériés',
  openOnHolidays: ', jours fériés compris',
  at: '{{day}} à {{time}}',
  openNow: 'Ouvert',
  closedNow: 'Fermé — ouvre {{when}}',
  closedNoOpening: 'Fermé — aucune ouverture prévue dans les deux semaines',
};
