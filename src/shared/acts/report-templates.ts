// Report templates (comptes rendus) by act type, with what a specialty adds: headings the
// expert fills in, so that every report of a kind has the same parts in the same order, and the
// region's readers find the conclusion where they expect it. Pure data and its choice.
import type { ActType } from './encounter';

const BASE: Record<ActType, readonly string[]> = {
  teleconsultation: [
    'Motif de la téléconsultation',
    'Contexte et antécédents',
    'Examen à distance',
    'Conclusion',
    'Conduite à tenir et suivi',
  ],
  teleexpertise: ['Question posée', 'Éléments transmis', 'Avis', 'Recommandations au requérant'],
  telesurveillance: ['Période de surveillance', 'Données recueillies et alertes', 'Interprétation', 'Conduite à tenir'],
  teleassistance: ['Acte assisté', 'Déroulement', 'Conclusion'],
};

/** What a specialty adds, placed before the conclusion (or the opinion). */
const BY_SPECIALTY: Record<string, readonly string[]> = {
  dermatologie: [
    'Description des lésions (siège, taille, aspect, évolution)',
    'Images examinées (dermatoscope, photographies)',
  ],
  neurologie: ['Score NIHSS et heure de début des symptômes', 'Imagerie cérébrale examinée'],
  cardiologie: ['Électrocardiogramme et auscultation', 'Constantes (pression artérielle, fréquence cardiaque, SpO2)'],
  gériatrie: ['Autonomie et état cognitif', 'Traitements en cours et interactions'],
};

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

/** The template text for an act type and specialty: each heading on its line, a blank line to fill. */
export function reportTemplate(act: ActType, specialty: string | null): string {
  const base = [...BASE[act]];
  const extra = specialty
    ? (Object.entries(BY_SPECIALTY).find(([name]) => normalise(name) === normalise(specialty))?.[1] ?? [])
    : [];
  const conclusion = base.findIndex((h) => /^(Conclusion|Avis|Interprétation)$/.test(h));
  base.splice(conclusion < 0 ? base.length : conclusion, 0, ...extra);
  return (
    base
      .map((heading) => `${heading} :\n\n`)
      .join('')
      .trimEnd() + '\n'
  );
}
