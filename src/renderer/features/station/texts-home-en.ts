// English texts of the role homes and of the "Technique" page (same keys as texts-home-fr.ts).
import type { Texts } from '../../i18n/texts';
import type { roleHomeFr } from './texts-home-fr';

export const roleHomeEn: Texts<typeof roleHomeFr> = {
  nav: { technique: 'Technical' },
  cart: {
    title: 'Home',
    start: 'New consultation',
    startHint: 'Find or create the patient, then open the act.',
    inProgress: 'Patients and acts in progress',
    noneInProgress: 'No act in progress on this station.',
    open: 'Open the act',
    appointments: 'Today’s appointments',
    noAppointments: 'Scheduling is not in service on this station yet: no appointment to show.',
  },
  expert: {
    title: 'Home',
    requests: 'Incoming requests',
    noRequests: 'No tele-expertise request to handle.',
    allRequests: 'All requests',
    awaitingReport: 'My acts awaiting a report',
    noneAwaiting: 'No act awaiting a report.',
    missed: 'Missed calls',
    noMissed: 'No missed call.',
    history: 'Recent calls',
    noHistory: 'No call yet.',
    incoming: 'received',
    outgoing: 'placed',
    urgent: 'urgent',
    endReasons: {
      declined: 'declined',
      cancelled: 'cancelled by the caller',
      timeout: 'not answered',
      busy: 'busy',
      hangup: 'ended',
      offline: 'offline',
      disconnected: 'cut off',
    },
    unknownEnd: 'under way',
    allCalls: 'All calls',
  },
  cabin: {
    title: 'Teleconsultation cabin',
    site: 'Pharmacy',
    what: 'Outside cabin mode, this station is the pharmacist’s. Patients use the cabin in cabin mode.',
  },
  acts: {
    draft: 'Draft',
    in_progress: 'In progress',
    awaiting_report: 'Awaiting the report',
    closed: 'Closed',
  },
  health: {
    ok: 'The station is working normally.',
    problem: 'The station needs a technical check; the records stay saved on this station.',
    whom: 'If something goes wrong, call {{contact}}.',
    defaultContact: 'your establishment’s IT support',
    details: 'Technical details',
  },
  technique: {
    title: 'Technical',
    intro: 'For the IT support: folders, servers, keys, synchronisation and disk.',
    syncAndDatabase: 'Synchronisation and database',
    open: 'Open',
  },
  loadError: 'The list could not be read; try again, or call the support if it happens again.',
  retry: 'Try again',
};
