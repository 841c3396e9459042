// French texts of the urgent call's escalation as the act keeps it.
export const actEscalationFr = {
  title: 'Appel urgent : médecins de garde sonnés',
  alert: 'Alerte du {{day}} à {{time}}',
  sources: {
    weekly: 'Garde choisie par le tableau de garde de la semaine',
    exception: 'Garde choisie par une exception du tableau de garde ({{detail}})',
    holiday: 'Garde choisie par le tableau des dimanches et jours fériés ({{detail}})',
    none: 'Aucune ligne du tableau de garde : experts de l’offre dans leur ordre',
    experts: 'Experts de l’offre dans leur ordre (pas de tableau de garde pour cette heure)',
  },
  decidedBy: {
    hub: 'selon le serveur régional',
    station: 'selon l’horloge du poste (le serveur régional n’a pas répondu)',
  },
  delay: '{{seconds}} s avant le suivant',
  outcomes: {
    answered: 'a répondu',
    no_answer: 'sans réponse après {{seconds}} s',
    declined: 'a refusé après {{seconds}} s',
    busy: 'occupé',
    offline: 'hors ligne, non sonné',
    cancelled: 'appel annulé par l’équipe après {{seconds}} s',
  },
};
