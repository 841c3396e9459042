// French texts of the patient's consent: who gave it (Code de la santé publique), the reasons a
// recording or a sharing is not offered, the call's consent panel, and the station's refusals.
export const consentFr = {
  scope: 'Pour',
  givenByLegend: 'Qui consent (ou refuse) ?',
  givers: {
    patient: 'le patient lui-même',
    legal_representative: 'son représentant légal (mineur, majeur protégé)',
    trusted_person: 'sa personne de confiance',
    vital_emergency: 'personne : urgence vitale, consentement impossible',
  },
  names: {
    legal_representative: 'Nom du représentant légal',
    trusted_person: 'Nom de la personne de confiance',
    vital_emergency: 'Médecin qui décide',
  },
  law: {
    patient: 'CSP L1111-4 et R6316-2 : consentement libre et éclairé du patient, révocable à tout moment.',
    legal_representative:
      'CSP L1111-4 : les titulaires de l’autorité parentale ou le tuteur consentent ; l’avis du mineur ou du majeur protégé est recherché.',
    trusted_person:
      'CSP L1111-6 : la personne de confiance désignée par le patient est consultée quand il ne peut pas exprimer sa volonté.',
    vital_emergency:
      'CSP L1111-4 : en urgence vitale, si personne ne peut consentir, le médecin décide. Cela ne vaut ni refus, ni accord d’enregistrer.',
  },
  chooseGiver: 'Choisissez qui consent avant d’enregistrer la réponse.',
  nameFirst: 'Indiquez son nom.',
  emergencyNoRecording:
    'L’urgence vitale ne permet pas d’enregistrer : l’enregistrement attend le consentement du patient ou de son représentant.',
  emergencyNoRefusal: 'En urgence vitale, personne ne refuse : seul le patient ou son représentant peut refuser.',
  line: '{{scope}} : {{decision}} — {{giver}} (recueilli par {{by}}, {{when}})',
  giverLine: {
    patient: 'par le patient',
    legal_representative: 'par {{name}}, représentant légal',
    trusted_person: 'par {{name}}, personne de confiance',
    vital_emergency: 'urgence vitale, consentement impossible : décision de {{name}}',
    unknown: 'par : non précisé',
  },
  /** Why a recording or a sharing is not offered, said beside the control. */
  blocked: {
    recording_missing:
      'Enregistrement impossible : le consentement du patient à l’enregistrement n’est pas recueilli. Recueillez-le dans « Consentement du patient ».',
    recording_refused: 'Enregistrement impossible : le patient a refusé l’enregistrement.',
    image_sharing_missing:
      'Partage impossible : le consentement du patient au partage d’images n’est pas recueilli. Recueillez-le dans « Consentement du patient ».',
    image_sharing_refused: 'Partage impossible : le patient a refusé le partage de ses images.',
    other_patient: 'Partage impossible : ces images sont d’un autre patient que celui de l’acte de l’appel.',
    call_without_act:
      'Aucun acte n’est rattaché à cet appel, donc aucun consentement : rattachez l’appel à l’acte du patient (« Consentement pour cet appel »).',
    recording_missing_call:
      'Enregistrement impossible : le consentement du patient à l’enregistrement n’est pas recueilli. Recueillez-le dans « Consentement pour cet appel ».',
    image_sharing_missing_call:
      'Partage impossible : le consentement du patient au partage d’images n’est pas recueilli. Recueillez-le dans « Consentement pour cet appel ».',
    remote_without_act:
      'Photo impossible : {{name}} n’a pas encore transmis le consentement du patient à l’enregistrement.',
  },
  call: {
    title: 'Consentement pour cet appel',
    none: 'Aucun acte n’est rattaché à cet appel : ni enregistrement ni partage d’images sans le consentement du patient, recueilli dans son acte.',
    choose: 'Rattacher l’appel à l’acte du patient',
    acts: 'Actes en cours de ce patient',
    useAct: 'Rattacher à cet acte',
    noOpenAct: 'Aucun acte en cours pour ce patient.',
    newAct: 'Ouvrir un acte pour cet appel',
    requester: 'Requérant (votre nom)',
    decisions: { given: 'accepté', refused: 'refusé', none: 'non recueilli' },
  },
};
