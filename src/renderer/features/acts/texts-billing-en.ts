// English texts of the billing card (same keys as texts-billing-fr.ts).
import type { Texts } from '../../i18n/texts';
import type { billingFr } from './texts-billing-fr';

export const billingEn: Texts<typeof billingFr> = {
  title: 'Billing (suggestion)',
  help: 'Codes suggested from the Assurance Maladie table shipped with Relais: help for billing, to be checked against their conditions, never an order.',
  requesting: 'Requesting side',
  expert: 'Expert side',
  euros: '€{{amount}}',
  specialtyFee: 'fee of the specialty’s consultation',
  conditions: 'Conditions and source',
  uncertain: 'To check: {{why}}',
  source: 'Source: {{title}} ({{publisher}}).',
  table: '{{title}} — reviewed on {{reviewed}}.',
  none: {
    no_code_for_act_type: 'No telemedicine code for this type of act.',
    not_assisted: 'Téléconsultation without an assisting professional: no code for the requesting site.',
    expert_unknown: 'The expert is not known yet: her code is suggested once she has taken part in the act.',
    profession_cannot_bill: 'No code for this profession in this act.',
    no_code_on_date: 'No code existed on the act’s date.',
  },
};
