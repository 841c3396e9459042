// French texts of the stroke alert that rings the on-duty experts in turn; the stroke sheet opened from a call (the
// reference).
export const onDutyFr = {
  call: 'Alerte AVC : appeler l’expert de garde en {{specialty}} ({{hospital}})',
  defaultReason: 'Alerte AVC — thrombolyse à discuter',
  attempt: '{{rank}}. {{name}}',
  ringing: 'sonne depuis {{seconds}} s sur {{delay}} s',
  asking: 'Recherche du médecin de garde…',
  outcomes: {
    declined: 'a refusé',
    no_answer: 'sans réponse après {{seconds}} s',
    busy: 'occupé',
    offline: 'hors ligne',
    answered: 'a répondu',
    cancelled: 'appel annulé',
  },
  recordError: 'Cette étape n’a pas pu être enregistrée dans l’acte :',
  exhausted: 'Aucun médecin de garde n’a répondu : appelez le standard de l’hôpital de recours.',
  dismiss: 'Fermer l’alerte',
};

export const strokeCallFr = {
  title: 'Fiche AVC',
  start: 'Ouvrir la fiche AVC de ce patient',
  acts: 'Actes en cours du patient',
  useAct: 'Fiche AVC de cet acte',
  newAct: 'Ouvrir un acte pour cet appel',
  requester: 'Médecin demandeur',
  defaultReason: 'Suspicion d’AVC',
  sheetOf: 'Fiche AVC — {{patient}}',
  cameraNotGranted: 'La caméra du chariot répondra aux boutons des items quand l’équipe vous laissera la piloter.',
};
