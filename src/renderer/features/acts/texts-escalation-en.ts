// English texts of the urgent call's escalation as the act keeps it (the same keys as the French).
import type { Texts } from '../../i18n/texts';
import type { actEscalationFr } from './texts-escalation-fr';

export const actEscalationEn: Texts<typeof actEscalationFr> = {
  title: 'Urgent call: on-duty physicians rung',
  alert: 'Alert of {{day}} at {{time}}',
  sources: {
    weekly: 'On duty by the weekly rota',
    exception: 'On duty by an exception to the rota ({{detail}})',
    holiday: 'On duty by the Sundays and public holidays rota ({{detail}})',
    none: 'No rota line: the offer’s experts in their order',
    experts: 'The offer’s experts in their order (no rota for this time)',
  },
  decidedBy: {
    hub: 'according to the regional hub',
    station: 'according to the station’s clock (the regional hub did not answer)',
  },
  delay: '{{seconds}} s before the next one',
  outcomes: {
    answered: 'answered',
    no_answer: 'no answer after {{seconds}} s',
    declined: 'declined after {{seconds}} s',
    busy: 'busy',
    offline: 'offline, not rung',
    cancelled: 'call cancelled by the team after {{seconds}} s',
  },
};
