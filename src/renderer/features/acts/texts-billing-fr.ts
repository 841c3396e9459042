// The billing card of an act: codes suggested for each side, never an order.
export const billingFr = {
  title: 'Cotation (aide)',
  help: 'Codes suggérés à partir de la table de l’Assurance Maladie fournie avec Relais : une aide à la cotation, à vérifier selon leurs conditions, jamais une consigne.',
  requesting: 'Côté requérant',
  expert: 'Côté expert',
  euros: '{{amount}} €',
  specialtyFee: 'tarif de la consultation de la spécialité',
  conditions: 'Conditions et source',
  uncertain: 'À vérifier : {{why}}',
  source: 'Source : {{title}} ({{publisher}}).',
  table: '{{title}} — revue le {{reviewed}}.',
  none: {
    no_code_for_act_type: 'Pas de code de télémédecine pour ce type d’acte.',
    not_assisted: 'Téléconsultation sans accompagnement : pas de code pour le site requérant.',
    expert_unknown: 'L’expert n’est pas encore connu : son code sera proposé quand il aura pris part à l’acte.',
    profession_cannot_bill: 'Pas de code pour cette profession dans cet acte.',
    no_code_on_date: 'Aucun code n’existait à la date de l’acte.',
  },
};
