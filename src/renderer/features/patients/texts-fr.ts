// French texts of identity vigilance (RNIV): the statuses a person may give, the identity document,
// the INSi teleservice on the patient's screen, and the identity's history.
export const vigilanceFr = {
  statuses: {
    PROV: 'PROV — provisoire',
    VALI: 'VALI — validée (pièce d’identité vérifiée)',
    RECUP: 'RECUP — récupérée (INS obtenue par l’INSi)',
    QUAL: 'QUAL — qualifiée (INS de l’INSi et pièce vérifiée)',
  },
  statusLine: 'Statut de l’identité : ',
  statusHint:
    'RECUP et QUAL ne se choisissent pas à la main : seule une réponse du téléservice INSi les donne (« Récupérer l’INS » sur la fiche du patient).',
  birthFirstNames: 'Tous les prénoms de naissance',
  birthFirstNamesHint:
    'Tous les prénoms de l’acte de naissance, dans l’ordre, séparés par des espaces. Obligatoire, sauf pour une identité provisoire.',
  typedIns: {
    matricule: 'Matricule lu sur une carte ou un document (à vérifier)',
    hint: 'Facultatif. Ce n’est pas l’INS du patient : seul le téléservice INSi la donne. Le numéro d’une carte Vitale peut être celui d’un parent.',
    oid: 'Type de matricule',
  },
  document: {
    legend: 'Pièce d’identité',
    type: 'Pièce d’identité vérifiée',
    none: '— aucune pièce vérifiée —',
    types: {
      passport: 'Passeport',
      national_id_card: 'Carte nationale d’identité',
      residence_permit: 'Titre de séjour',
      family_record_book: 'Livret de famille (mineur)',
    },
    parentDocument: 'Pièce d’identité du parent',
    checkedBy: 'Vérifiée par',
    checkedOn: 'Vérifiée le',
    checkedOnHint: 'JJ/MM/AAAA',
    hint: 'Obligatoire pour une identité validée ou qualifiée. Seules ces pièces à haut niveau de confiance comptent (RNIV) : passeport, carte nationale d’identité, titre de séjour ; pour un mineur, livret de famille avec la pièce d’un parent.',
    notRecorded:
      'Identité validée avant l’enregistrement des pièces : indiquez la pièce vérifiée pour garder le statut VALI.',
  },
  insi: {
    title: 'INS et téléservice INSi',
    notConfigured:
      'Le téléservice INSi n’est pas configuré sur ce poste : l’INS ne peut pas être récupérée ici, et l’identité reste provisoire ou validée. Pour l’obtenir, appelez le support informatique : le réglage à faire est indiqué sur la page Technique.',
    noIns: 'Aucune INS : elle ne s’obtient que par le téléservice INSi.',
    ins: 'INS : {{matricule}} ({{oid}})',
    retrieved: 'Obtenue de l’INSi le {{at}}, demandée par {{by}}.',
    typed: 'Matricule à vérifier : {{matricule}}',
    typedHint: 'Saisi à la main ou lu sur une carte : il n’est ni envoyé ni imprimé comme INS.',
    retrieve: 'Récupérer l’INS (téléservice INSi)',
    verify: 'Vérifier l’INS auprès de l’INSi',
    verifyHint:
      'Les traits venus de l’INSi ne se corrigent pas à la main : une correction passe par « Vérifier l’INS auprès de l’INSi ».',
    asking: 'Interrogation du téléservice INSi…',
    found: 'L’INSi a trouvé une identité. Comparez ses traits à la pièce d’identité du patient avant de les accepter.',
    traitsDiffer:
      'L’INSi renvoie d’autres traits pour cette INS. Comparez-les à la pièce d’identité du patient avant de les accepter.',
    notFound:
      'L’INSi n’a trouvé aucune identité pour ces traits. Vérifiez-les sur la pièce d’identité (nom de naissance, tous les prénoms, date, sexe, lieu) puis réessayez ; sinon, l’identité reste sans INS.',
    severalFound:
      'L’INSi a trouvé plusieurs identités pour ces traits. Ajoutez tous les prénoms de naissance et le lieu de naissance, puis réessayez.',
    verified: 'L’INSi confirme l’INS et les traits de ce dossier.',
    unknownIns:
      'L’INSi ne reconnaît pas l’INS de ce dossier : signalez-le à la cellule d’identitovigilance et, en attendant, abaissez le statut.',
    table: {
      caption: 'Traits du dossier et traits de l’INSi',
      trait: 'Trait',
      here: 'Dans ce dossier',
      insi: 'INSi',
      differs: 'différent',
    },
    becomesQual:
      'Si vous acceptez, les traits de l’INSi remplacent ceux du dossier et le statut devient QUAL (la pièce vérifiée porte ces traits).',
    becomesRecup:
      'Si vous acceptez, les traits de l’INSi remplacent ceux du dossier et le statut devient RECUP. Pour qualifier l’identité, vérifiez ensuite la pièce d’identité sur ces traits.',
    accept: 'Accepter les traits de l’INSi',
    reject: 'Ne pas utiliser cette réponse',
  },
  traits: {
    birthName: 'Nom de naissance',
    firstName: 'Premier prénom de naissance',
    birthFirstNames: 'Prénoms de naissance',
    birthDate: 'Date de naissance',
    sex: 'Sexe',
    birthplaceCode: 'Lieu de naissance (INSEE)',
    usedName: 'Nom utilisé',
    usedFirstName: 'Prénom utilisé',
    identityStatus: 'Statut',
    ins: 'INS',
    typedIns: 'Matricule à vérifier',
    identityDocument: 'Pièce vérifiée',
    residenceCode: 'Commune de résidence',
  },
  history: {
    title: 'Historique de l’identité',
    empty: 'Aucune modification enregistrée.',
    entry: '{{at}} — {{operation}} — {{by}}',
    change: '{{field}} : {{from}} → {{to}}',
    none: '—',
    document: '{{type}}, vérifiée par {{by}} le {{on}}',
    operations: {
      created: 'Création',
      edited: 'Modification',
      insi_search_traits: 'Téléservice INSi (recherche par les traits)',
      insi_search_card: 'Téléservice INSi (carte Vitale)',
      insi_verify: 'Téléservice INSi (vérification)',
      insi_verified: 'Téléservice INSi : INS et traits confirmés',
      region: 'Serveur régional',
      lowered_without_insi:
        'Mise à jour de Relais : INS saisie sans l’INSi, statut abaissé et matricule gardé « à vérifier »',
    },
  },
};

/** The identity-vigilance field errors (fieldErrors.identity.*). */
export const vigilanceFieldErrorsFr = {
  document_required:
    'Une identité validée ou qualifiée repose sur une pièce vérifiée : indiquez laquelle, qui l’a vérifiée et quand (ou laissez l’identité provisoire).',
  parent_document_required: 'Avec un livret de famille, indiquez la pièce d’identité du parent présentée.',
  family_book_only_for_minor:
    'Le livret de famille ne vaut que pour un mineur : pour un majeur, il faut un passeport, une carte d’identité ou un titre de séjour.',
  status_needs_insi:
    'RECUP et QUAL ne s’obtiennent que par une réponse du téléservice INSi : enregistrez l’identité en PROV ou VALI, puis utilisez « Récupérer l’INS ».',
  document_before_insi:
    'Pour qualifier l’identité, vérifiez la pièce d’identité sur les traits renvoyés par l’INSi : indiquez une vérification faite depuis sa réponse.',
  no_ins_to_verify: 'Ce dossier n’a pas d’INS de l’INSi à vérifier : récupérez-la d’abord.',
};
