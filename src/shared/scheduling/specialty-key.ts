// One key per specialty whatever its case, accents or spaces ("Dermatologie" = "dermatologie "):
// how an offer, a request and an expert's token are matched when they name a specialty in words.
export const specialtyKey = (specialty: string): string =>
  specialty
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-');
