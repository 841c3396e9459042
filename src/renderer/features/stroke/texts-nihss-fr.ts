// French texts of the NIHSS score buttons: each score's definition, shortened from the NINDS
// NIH Stroke Scale (rev. 10/1/2003) as the French versions of the scale word it. Keyed by the
// item's name (nihss.ts) then by score; "NT" (non testable) is the French for the form's "UN".
export const strokeNihssFr = {
  untestable: 'NT',
  untestableHint: {
    limb: 'Non testable : amputation, arthrodèse',
    speech: 'Non testable : intubation, obstacle physique',
  },
  scores: {
    level_of_consciousness: {
      '0': 'Vigilant, réagit vivement',
      '1': 'Non vigilant, éveillable par une stimulation mineure',
      '2': 'Non vigilant, stimulations répétées ou douloureuses (obnubilé)',
      '3': 'Réponses réflexes seules ou aucune réponse (coma)',
    },
    loc_questions: { '0': 'Deux réponses justes', '1': 'Une réponse juste', '2': 'Aucune réponse juste' },
    loc_commands: { '0': 'Exécute les deux ordres', '1': 'Exécute un ordre', '2': 'N’exécute aucun ordre' },
    best_gaze: {
      '0': 'Normale',
      '1': 'Paralysie partielle du regard',
      '2': 'Déviation forcée ou paralysie totale du regard',
    },
    visual_fields: {
      '0': 'Pas de déficit visuel',
      '1': 'Hémianopsie partielle',
      '2': 'Hémianopsie complète',
      '3': 'Hémianopsie bilatérale (cécité, y compris corticale)',
    },
    facial_palsy: {
      '0': 'Mouvements normaux et symétriques',
      '1': 'Paralysie mineure (sillon naso-génien effacé, sourire asymétrique)',
      '2': 'Paralysie partielle (bas du visage)',
      '3': 'Paralysie complète (haut et bas du visage)',
    },
    motor_arm: {
      '0': 'Pas de chute pendant 10 s',
      '1': 'Chute avant 10 s, sans toucher le lit',
      '2': 'Effort contre la pesanteur, retombe sur le lit',
      '3': 'Aucun effort contre la pesanteur, le membre tombe',
      '4': 'Aucun mouvement',
    },
    motor_leg: {
      '0': 'Pas de chute pendant 5 s',
      '1': 'Chute avant 5 s, sans toucher le lit',
      '2': 'Effort contre la pesanteur, retombe sur le lit',
      '3': 'Aucun effort contre la pesanteur, tombe aussitôt',
      '4': 'Aucun mouvement',
    },
    limb_ataxia: { '0': 'Absente', '1': 'Présente sur un membre', '2': 'Présente sur deux membres' },
    sensory: { '0': 'Normale', '1': 'Hypoesthésie légère à modérée', '2': 'Anesthésie sévère ou totale' },
    best_language: {
      '0': 'Pas d’aphasie',
      '1': 'Aphasie légère à modérée',
      '2': 'Aphasie sévère',
      '3': 'Mutisme, aphasie globale',
    },
    dysarthria: {
      '0': 'Normale',
      '1': 'Dysarthrie légère à modérée',
      '2': 'Dysarthrie sévère, ou mutisme (anarthrie)',
    },
    extinction_inattention: {
      '0': 'Aucune anomalie',
      '1': 'Négligence ou extinction dans une modalité',
      '2': 'Négligence profonde, ou dans plus d’une modalité',
    },
  },
  reasons: {
    amputation: 'Amputation',
    joint_fusion: 'Arthrodèse',
    intubation: 'Intubation',
    physical_barrier: 'Autre obstacle physique à la parole',
    other: 'Autre motif (à préciser)',
  },
  reasonTitle: 'Non testable (NT) : motif, obligatoire',
  reasonOf: 'Motif de NT pour {{item}}',
  detail: 'Précision',
  saveUntestable: 'Enregistrer NT',
  cancel: 'Annuler',
  untestableShown: 'NT : {{reason}}',
  clear: 'Effacer',
  clearOf: 'Effacer la cotation de {{item}}',
  subtotal: 'Sous-total : {{subtotal}} ({{scored}} item(s) coté(s) sur 15)',
  coma: 'Coma (1a = 3) : selon les instructions de l’échelle (NINDS), 8 = 2 et 9 = 3 d’office ; 1b = 2 et 1c = 2 (ne répond ni aux questions ni aux ordres), 7 = 0 (l’ataxie est absente chez le patient qui ne comprend pas ou est paralysé), 10 = 2 (mutisme) ou NT s’il est intubé. Les items 2, 3, 4, 5, 6 et 11 se cotent sur ce qui est observé.',
  comaMismatch: 'À corriger selon ces règles : {{items}}.',
  comaItem: '{{item}} coté {{scored}}, l’échelle donne {{expected}}',
  applyComa: 'Appliquer ces cotations',
  bands:
    'Total de 0 à 42 (Brott, 1989) ; repères : 0 pas de symptôme, 1-4 mineur, 5-15 modéré, 16-20 modéré à sévère, 21-42 sévère (Kwah et Diong, 2014).',
};
