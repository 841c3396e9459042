// The expert's report templates, one per specialty a regional platform offers for
// téléconsultation, and the "Mesures" section written from the act's context. A template gives
// each section the points a specialist of that field is expected to cover (the HAS's "fiche
// mémo" on téléconsultation asks that the report say the reason, the findings, the conclusion and
// what follows); she writes over them. A section still as the template left it is pointed out
// before she signs: an unedited checklist signed as findings would say what nobody observed.
// (The free-text report written on the requesting station has its headings in report-templates.ts.)
import type { ActContext, ActContextMeasurement } from '../calls/act-context';
import { REPORT_SECTIONS, type ReportSection, type ReportSections } from './expert-report';
import { UNIT_SHOWN } from './encounter';
import { specialtyKey } from '../scheduling/specialty-key';

export const REPORT_TEMPLATE_IDS = [
  'general',
  'dermatology',
  'wound',
  'neurology_stroke',
  'cardiology',
  'geriatrics',
] as const;
export type ReportTemplateId = (typeof REPORT_TEMPLATE_IDS)[number];

export interface ReportTemplate {
  id: ReportTemplateId;
  /** Shown in the template list (French: the record is French). */
  title: string;
  /** The points of each section; a section not named starts empty. */
  sections: Partial<Record<ReportSection, string>>;
}

const FOLLOW_UP = 'Prochaine téléconsultation : \nÀ revoir en présentiel si : ';

export const REPORT_TEMPLATES: Record<ReportTemplateId, ReportTemplate> = {
  general: {
    id: 'general',
    title: 'Médecine générale',
    sections: {
      histoire: 'Antécédents : \nTraitement en cours : \nAllergies : ',
      examen: 'État général : \nExamen guidé : ',
      suivi: FOLLOW_UP,
    },
  },
  dermatology: {
    id: 'dermatology',
    title: 'Dermatologie',
    sections: {
      histoire: 'Ancienneté de la lésion : \nÉvolution : \nPrurit, douleur : \nExposition solaire, antécédents : ',
      examen: 'Localisation : \nTaille : \nCouleur : \nBords : \nDermatoscopie (ABCDE) : \nAutres lésions : ',
      suivi: FOLLOW_UP,
    },
  },
  wound: {
    id: 'wound',
    title: 'Plaies et cicatrisation',
    sections: {
      histoire: 'Origine de la plaie : \nAncienneté : \nPansement actuel : ',
      examen:
        'Localisation : \nDimensions (longueur × largeur, profondeur) : \nFond (nécrose, fibrine, bourgeon) : \nBords et peau périlésionnelle : \nExsudat, odeur : \nSignes d’infection : \nDouleur (EVA) : ',
      conduite: 'Protocole de pansement : \nFréquence de réfection : ',
      suivi: FOLLOW_UP,
    },
  },
  neurology_stroke: {
    id: 'neurology_stroke',
    title: 'Neurologie – alerte AVC',
    sections: {
      histoire: 'Heure de début des symptômes (ou dernière heure vu normal) : \nTraitements antithrombotiques : ',
      examen: 'Score NIHSS : \nDéficit : \nImagerie (scanner, angioscanner) : ',
      conduite: 'Thrombolyse : \nThrombectomie / transfert : \nSurveillance : ',
      suivi: 'Transfert vers : \nRéévaluation : ',
    },
  },
  cardiology: {
    id: 'cardiology',
    title: 'Cardiologie',
    sections: {
      histoire: 'Facteurs de risque : \nTraitement en cours : \nSymptômes (douleur, dyspnée, palpitations) : ',
      examen: 'Auscultation cardiaque : \nAuscultation pulmonaire : \nŒdèmes : \nECG : ',
      suivi: FOLLOW_UP,
    },
  },
  geriatrics: {
    id: 'geriatrics',
    title: 'Gériatrie',
    sections: {
      histoire: 'Autonomie : \nChutes récentes : \nTraitement en cours : \nÉtat nutritionnel : ',
      examen: 'État général : \nCognition : \nHydratation : \nPeau (escarres) : ',
      conduite: 'Adaptation du traitement : \nConsignes à l’équipe soignante : ',
      suivi: FOLLOW_UP,
    },
  },
};

const MEASUREMENT_NAMES: Record<ActContextMeasurement['kind'], string> = {
  spo2: 'SpO2',
  heart_rate: 'Fréquence cardiaque',
  respiratory_rate: 'Fréquence respiratoire',
  body_temperature: 'Température',
  body_weight: 'Poids',
  blood_pressure: 'Pression artérielle',
};

const timeInFrance = (iso: string) =>
  new Date(iso).toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

const number = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

/** One line per measurement of the act, oldest first: what, value, when, by which device, by whom. */
export function measurementsText(context: Pick<ActContext, 'measurements'>): string {
  return [...context.measurements]
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt))
    .map((m) => {
      const value = m.kind === 'blood_pressure' ? m.values.map(number).join('/') : number(m.values[0]!);
      const how = m.device ? `${m.device}, ${m.takenBy}` : `saisie par ${m.takenBy}`;
      return `${MEASUREMENT_NAMES[m.kind]} : ${value} ${UNIT_SHOWN[m.unit]} (${timeInFrance(m.takenAt)}, ${how})`;
    })
    .join('\n');
}

/** A new report from a template: the act's reason as the motif, its measurements written out. */
export function reportFromTemplate(templateId: ReportTemplateId, context: ActContext | null): ReportSections {
  const template = REPORT_TEMPLATES[templateId];
  const sections = Object.fromEntries(
    REPORT_SECTIONS.map((key) => [key, template.sections[key] ?? '']),
  ) as ReportSections;
  if (context) {
    sections.motif = context.act.reason;
    sections.mesures = measurementsText(context);
  }
  return sections;
}

/**
 * The sections still exactly as a template wrote them (trimmed, non-empty): pointed out before
 * signing, so that an unedited checklist is not signed as findings.
 */
export function untouchedSections(sections: ReportSections): ReportSection[] {
  return REPORT_SECTIONS.filter((key) => {
    const written = sections[key].trim();
    return (
      written !== '' && REPORT_TEMPLATE_IDS.some((id) => (REPORT_TEMPLATES[id].sections[key] ?? '').trim() === written)
    );
  });
}

/** The template her specialty suggests (as the hub names it: "dermatologie"), else general medicine. */
export function templateForSpecialty(specialty: string | null | undefined): ReportTemplateId {
  const s = specialtyKey(specialty ?? '');
  if (/dermato/.test(s)) return 'dermatology';
  if (/neuro|avc/.test(s)) return 'neurology_stroke';
  if (/cardio/.test(s)) return 'cardiology';
  if (/geriatr/.test(s)) return 'geriatrics';
  if (/plaie|cicatri/.test(s)) return 'wound';
  return 'general';
}
