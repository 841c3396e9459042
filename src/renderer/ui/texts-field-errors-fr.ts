// French texts of the field errors of the station's rules, shown beside the field (the reference).
export const fieldErrorsFr = {
  field: {
    required: 'Champ obligatoire.',
    invalid_type: 'Valeur d’un type inattendu.',
    too_small: 'Valeur trop courte ou trop petite.',
    too_long: 'Valeur trop longue.',
    invalid_format: 'Format incorrect.',
    invalid_choice: 'Choisissez une des valeurs proposées.',
    unknown: 'Champ inconnu.',
    invalid: 'Valeur incorrecte.',
  },
  hours: {
    ends_before_start: 'La fin doit venir après le début.',
    time_format: 'Heure incorrecte : saisissez HH:MM sur 24 heures (par exemple 08:00 ou 18:30).',
    days_required: 'Cochez au moins un jour.',
  },
  offer: {
    acts_required: 'Cochez au moins un type d’acte.',
    expert_twice: 'Cet expert est déjà nommé dans l’offre : retirez l’une des deux lignes.',
    id_format: 'Identifiant d’offre incorrect : lettres, chiffres, point ou tiret, 64 caractères au plus.',
  },
  rota: {
    experts_required: 'Ajoutez au moins un expert à l’ordre d’appel.',
    delay_range: 'Un nombre entier de secondes, de 10 à 600.',
  },
  trait: { invalid_characters: 'Lettres seulement, avec espace, trait d’union ou apostrophe.' },
  date: {
    invalid: 'Date incorrecte : saisissez JJ/MM/AAAA (par exemple 03/12/1956).',
    too_old: 'Date antérieure à 1880 : vérifiez l’année.',
    in_future: 'Cette date est dans le futur : vérifiez la saisie.',
  },
  insee: {
    invalid: 'Code INSEE incorrect : 5 caractères (département + commune, 2A/2B pour la Corse, 99xxx à l’étranger).',
  },
  first_names: {
    must_start_with_first_name: 'La liste des prénoms doit commencer par le premier prénom.',
    required_unless_provisional:
      'Indiquez tous les prénoms de naissance, dans l’ordre : seule une identité provisoire peut s’en passer.',
  },
  ins: {
    not_allowed_for_status:
      'Une INS ne s’enregistre que pour une identité récupérée (RECUP) ou qualifiée (QUAL) : changez le statut ou retirez l’INS.',
    required_for_status: 'Une identité récupérée ou qualifiée a une INS : saisissez le matricule obtenu par l’INSi.',
    length: 'Le matricule INS compte 15 caractères : 13 pour le NIR ou le NIA, 2 pour la clé.',
    format: 'Ce matricule contient des caractères impossibles dans un NIR : vérifiez la saisie (chiffres, 2A ou 2B).',
    key_mismatch:
      'La clé de l’INS ne correspond pas aux 13 premiers chiffres. Vérifiez la saisie sur la carte Vitale ou le retour INSi.',
    sex_mismatch: 'Le matricule INS indique un autre sexe que celui saisi : vérifiez l’un ou l’autre.',
    birth_year_mismatch: 'Le matricule INS indique une autre année de naissance : vérifiez la date ou le matricule.',
    birth_month_mismatch: 'Le matricule INS indique un autre mois de naissance : vérifiez la date ou le matricule.',
    already_used:
      'Cette INS est déjà celle d’un autre patient de cette station : ouvrez son dossier plutôt que d’en créer un.',
  },
  pin: {
    repeated: 'Un même chiffre répété se devine du premier coup : choisissez un autre code.',
    sequence:
      'Une suite de chiffres (1234, 2468, 7890…) fait partie des premiers codes essayés : choisissez-en un autre.',
    common: 'Ce code est parmi les plus utilisés (ou suit le clavier, comme 2580) : choisissez-en un autre.',
    pattern: 'Un motif répété (1212, 112233…) se devine facilement : choisissez un autre code.',
  },
  identity: {
    strict_trait_locked:
      'Trait issu de l’INSi : il ne se modifie pas ici. Pour le corriger, vérifiez l’INS auprès de l’INSi.',
    pin_format: 'Le code compte de 4 à 8 chiffres.',
    current_pin_required: 'Tapez d’abord votre code actuel.',
    wrong_pin: 'Code incorrect. Encore {{left}} essai(s), puis il faudra se reconnecter.',
  },
  teleexpertise: {
    already_sent: 'Cette demande est déjà envoyée.',
    not_draft: 'Cet acte a déjà commencé : il ne s’envoie plus comme demande de téléexpertise.',
    not_sent: 'Envoyez d’abord la demande.',
    no_such_question: 'Cette question n’est pas celle de l’expert sur cette demande.',
    question_answered: 'Vous avez déjà répondu à cette question.',
    file_not_of_act: 'Ce fichier n’appartient pas à cet acte.',
    follow_up_required: 'Choisissez le suivi conseillé.',
  },
  encounter: {
    consent_missing: 'Recueillez d’abord le consentement du patient à l’acte.',
    consent_refused: 'Le patient a refusé l’acte : il ne peut pas commencer.',
    status_backwards: 'Un acte ne revient pas à une étape précédente.',
    closed: 'Cet acte est clôturé : rien ne s’y ajoute plus.',
    has_call:
      'Cet acte a déjà son appel : un acte, un appel. Rattachez cet appel à un autre acte du patient, ou créez-en un.',
    not_started: 'L’acte n’a pas commencé : le compte rendu vient après.',
  },
  consent: {
    recording_missing:
      'Le consentement du patient à l’enregistrement n’est pas recueilli : rien n’est enregistré. Recueillez-le dans « Consentement du patient » de l’acte, puis recommencez.',
    recording_refused: 'Le patient a refusé l’enregistrement : rien n’est enregistré.',
    image_sharing_missing:
      'Le consentement du patient au partage d’images n’est pas recueilli : les images ne partent pas. Recueillez-le dans « Consentement du patient » de l’acte, puis recommencez.',
    image_sharing_refused: 'Le patient a refusé le partage de ses images : elles ne partent pas.',
    call_without_act:
      'Aucun acte n’est rattaché à cet appel, donc aucun consentement : rattachez l’appel à l’acte du patient (« Consentement pour cet appel »), puis recueillez son consentement.',
    other_patient:
      'Ces images sont d’un autre patient que celui de l’acte de l’appel : son consentement ne les couvre pas.',
    call_has_act: 'Cet appel est déjà rattaché à un autre acte : un appel, un acte, un patient.',
    signal_reserved: 'Le consentement ne se transmet que depuis l’acte, par la station elle-même.',
    emergency_is_not_a_refusal:
      'L’urgence vitale permet au médecin de décider ; elle ne s’enregistre pas comme un refus.',
    emergency_not_for_recording:
      'L’urgence vitale ne permet pas d’enregistrer : l’enregistrement attend le consentement du patient ou de son représentant.',
  },
  auscultation: { site_required: 'Choisissez le foyer d’auscultation avant d’enregistrer.' },
  vital: {
    impossible:
      'Valeur impossible (possible : de {{min, number}} à {{max, number}}). Vérifiez la saisie (unité, virgule) ou l’appareil.',
    unusual:
      'Valeur inhabituelle (habituel : de {{min, number}} à {{max, number}}). Vérifiez-la ; si elle est juste, cochez « Je confirme cette valeur ».',
    not_a_number: 'Saisissez un nombre (par exemple 37,2).',
    nothing_to_confirm: 'Cette valeur est habituelle : il n’y a rien à confirmer.',
    diastolic_above_systolic: 'La diastolique doit être inférieure à la systolique.',
  },
  report: {
    already_signed: 'Un compte rendu est déjà signé pour cet acte : pour le modifier, écrivez une correction.',
    not_of_this_act: 'Ce compte rendu n’appartient pas à cet acte.',
    correction_reason: 'Une correction dit pourquoi elle corrige : indiquez le motif de la correction.',
    hash_mismatch:
      'Ce compte rendu a été modifié en route (son empreinte SHA-256 ne correspond pas à la signature) : il n’est pas classé. Demandez à l’expert de le renvoyer.',
    already_replaced: 'Ce compte rendu a déjà été corrigé : corrigez la dernière version.',
  },
  prescription: {
    empty: 'Une ordonnance a au moins une ligne : un médicament ou une autre prescription.',
    correction_reason: 'Une correction dit pourquoi elle corrige : indiquez le motif de la correction.',
    efg_child_only:
      'La mention EFG est réservée à l’enfant de moins de 6 ans : choisissez MTE, CIF, ou laissez la substitution possible.',
    not_of_this_act: 'Cette ordonnance n’appartient pas à cet acte.',
    already_replaced: 'Cette ordonnance a déjà été corrigée : corrigez la dernière version.',
    hash_mismatch:
      'Cette ordonnance a été modifiée en route (son empreinte SHA-256 ne correspond pas à la signature) : elle n’est pas classée.',
    patient_mismatch:
      'Cette ordonnance est écrite pour une autre identité que celle du patient de l’acte : elle n’est pas classée (identitovigilance).',
  },
  escalation: {
    other_act: 'Cette alerte est déjà enregistrée dans un autre acte : elle n’est pas ajoutée à celui-ci.',
    call_needed: 'Un médecin qui a répondu a répondu à un appel : l’étape n’est pas enregistrée sans son appel.',
    call_unknown: 'Cet appel n’est pas dans le journal des appels de ce poste : l’étape n’est pas enregistrée.',
    not_the_call_expert: 'Cet appel n’a pas sonné chez ce médecin : l’étape n’est pas enregistrée.',
  },
  imaging: {
    folder_relative: 'Donnez le chemin complet du dossier ou du lecteur (par exemple /media/cdrom).',
    folder_missing: 'Le dossier {{folder}} n’existe pas : vérifiez que le disque ou la clé est inséré et monté.',
    folder_not_a_folder: '{{folder}} est un fichier, pas un dossier : choisissez le dossier qui le contient.',
    patient_mismatch:
      'Ces images sont au nom de {{name}} (né(e) le {{birthDate}}) : l’identité diffère de celle du dossier ({{differences}}). Vérifiez avant de les rattacher.',
    study_of_another_patient: 'Cette étude est déjà rattachée à un autre patient de cette station.',
    confirmation_without_study:
      'Une confirmation d’identité vise un examen qui n’est pas importé : cochez-le, ou annulez sa confirmation.',
    confirmation_twice: 'Cet examen a reçu deux confirmations d’identité : gardez-en une seule.',
    too_many_drops:
      '{{max}} dépôts sont encore en cours d’envoi vers cette station : attendez qu’ils soient envoyés, puis déposez de nouveau ces fichiers. Un dépôt laissé inachevé est abandonné après {{minutes}} minutes.',
  },
  attachment: {
    asked_by_not_expert:
      'Seul l’expert de l’appel peut demander une photo : cet appel n’est pas avec un expert. Prenez la photo depuis l’acte.',
  },
  upload: {
    too_many_in_progress:
      '{{max}} fichiers sont déjà en cours d’enregistrement sur cette station : attendez qu’ils soient terminés, puis ajoutez celui-ci de nouveau. Un envoi laissé inachevé est abandonné après {{minutes}} minutes.',
  },
  pacs: {
    name_backslash:
      'Le nom ne peut pas contenir de barre oblique inverse (\\), qui sépare les parties d’un nom DICOM ; utilisez * comme joker.',
    not_a_photo: 'Seules les photographies vont au PACS.',
    photo_without_act: 'Rattachez d’abord cette photo à un acte : le PACS doit savoir de quel patient elle est.',
  },
  kiosk: {
    pin_format: 'Le code compte de 6 à 12 chiffres.',
    pin_wrong: 'Code incorrect. Encore {{left}} essai(s) avant le blocage du clavier.',
    locked: 'Trop de codes incorrects : clavier bloqué jusqu’à {{until}}.',
  },
  rpps: { invalid: 'Numéro RPPS incorrect : 11 chiffres, sans espace ni lettre (par exemple 10101234567).' },
  disk: {
    full: 'Disque plein : libérez au moins {{neededMb}} Mo sur le disque de la station (corbeille, anciens fichiers) ou appelez le service informatique, puis réessayez.',
  },
  month: { invalid: 'Mois incorrect : choisissez un mois et une année (par exemple juillet 2026).' },
  activity: {
    range_backwards: 'Le mois de fin doit suivre le mois de début.',
    range_too_long: 'Cinq ans au plus à la fois.',
  },
  appointment: {
    slot_past: 'Ce créneau a déjà commencé : choisissez-en un plus tard.',
    slot_already_booked: 'Cette station a déjà réservé ce créneau : choisissez-en un autre.',
    not_booked: 'Ce rendez-vous n’est plus réservé (annulé ou refusé) : il n’y a rien à changer.',
    reason_required: 'Indiquez le motif.',
  },
  slot: { ends_before_start: 'La fin du créneau doit suivre son début.' },
  agenda: { ends_before_start: 'La fin de la période doit suivre son début.' },
};
