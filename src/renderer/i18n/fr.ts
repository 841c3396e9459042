// French texts (the reference: English must have the same keys, checked by its type).
import { actsFr } from '../features/acts/texts-fr';
import { consentFr } from '../features/acts/texts-consent-fr';
import { strokeFr } from '../features/stroke/texts-fr';
import { callsFr } from '../features/calls/texts-fr';
import { callActFr } from '../features/calls/texts-act-fr';
import { identityFr } from '../features/identity/texts-fr';
import { expertiseFr } from '../features/teleexpertise/texts-fr';
import type { Texts } from './texts';
import { activityFr } from '../features/activity/texts-fr';
import { kioskFr } from '../features/kiosk/texts-fr';
import { hubTokenFr } from '../features/station/texts-hub-token-fr';
import { diskFr } from '../features/station/texts-disk-fr';
import { databaseFr } from '../features/station/texts-database-fr';
import { imagingSafetyFr } from '../features/imaging/texts-fr';
import { vigilanceFieldErrorsFr, vigilanceFr } from '../features/patients/texts-fr';
import { homeScreenFr, syncScreenFr } from '../features/station/texts-fr';
import { roleHomeFr } from '../features/station/texts-home-fr';
import { imagingScreenFr, pacsFr } from '../features/imaging/texts-screens-fr';
import { bannerFr } from '../ui/texts-banner-fr';
import { inputsFr } from '../ui/texts-inputs-fr';
import { authorFr } from '../ui/texts-author-fr';
import { whyFr } from '../ui/texts-why-fr';
export const fr = {
  app: {
    name: 'Relais',
    nav: 'Navigation principale',
    home: 'Accueil',
    patients: 'Patients',
    devices: 'Appareils',
    calls: 'Appels',
    expertise: 'Téléexpertise',
    activity: 'Activité',
    switchLanguage: 'English',
  },
  link: {
    noKeyTitle: 'Clé de la station manquante',
    noKey:
      "Cette page a été ouverte sans la clé de la station. Ouvrez l'adresse affichée par `npm start` (elle contient la clé de la station).",
    offline: 'Station injoignable — reconnexion…',
  },
  home: homeScreenFr,
  roleHome: roleHomeFr,
  sync: syncScreenFr,
  devices: {
    title: 'Appareils',
    list: 'Appareils de la station',
    simulated: 'simulé',
    unnamed: 'appareil sans nom',
    lastPress: 'Dernier appui : {{control}} à {{time}}',
    details: {
      detected_unconfigured:
        'Détecté, non configuré : confirmez avec « npx relais-devices probe », puis ajoutez-le à devices.json.',
    },
  },
  camera: {
    pad: 'Orientation de la caméra',
    up: 'Haut',
    down: 'Bas',
    left: 'Gauche',
    right: 'Droite',
    stop: 'Arrêt',
    speed: 'Vitesse',
    zoomIn: 'Zoom +',
    zoomOut: 'Zoom −',
    focusAuto: 'Mise au point auto',
    focusOnePush: 'Mise au point unique',
    home: 'Position initiale',
    presets: 'Positions mémorisées',
    storePreset: 'Mémoriser ici',
    storePresetLabel: 'Mémoriser ici la position actuelle, comme « {{name}} »',
    readPosition: 'Lire la position',
    position: 'Position : pan {{pan}} · tilt {{tilt}} · zoom {{zoom}}',
    noPosition: 'Cette caméra ne donne pas sa position.',
    busy: 'En cours : {{what}}…',
    keyboardHint:
      'Clavier : flèches maintenues pour orienter, + et − pour le zoom, Échap pour arrêter, 1 à 4 pour les positions mémorisées.',
  },
  calls: callsFr,
  callAct: callActFr,
  oximeter: {
    spo2: 'SpO2',
    pulse: 'Pouls',
    pleth: 'Courbe de pléthysmographie',
    status: {
      measuring: 'Mesure en cours',
      finger_out: 'Doigt retiré : replacez le doigt dans le capteur.',
      probe_error: 'Capteur en défaut : vérifiez le câble du capteur.',
      searching: 'Recherche du pouls… gardez le doigt immobile.',
      no_data: 'Aucune donnée de l’oxymètre : vérifiez qu’il est allumé et branché.',
    },
  },
  patients: {
    title: 'Patients',
    new: 'Nouveau patient',
    search: 'Rechercher un patient',
    searchHint: 'Nom, date de naissance (JJ/MM/AAAA) ou matricule INS',
    searchButton: 'Rechercher',
    recent: 'Patients récents',
    results: 'Résultats',
    none: 'Aucun patient trouvé.',
    insQualified: 'INS qualifiée',
    born: 'né(e) le',
    usedName: 'dit(e)',
    back: 'Retour à la liste',
    createTitle: 'Nouveau patient',
    editTitle: 'Identité',
    saved: 'Identité enregistrée.',
    created: 'Patient enregistré. Vous pouvez ouvrir un acte : « Nouvel acte » ci-dessous.',
  },
  form: {
    strictTraits: 'Traits stricts',
    usedTraits: "Traits d'usage",
    birthName: 'Nom de naissance',
    firstName: 'Premier prénom de naissance',
    birthFirstNames: 'Prénoms de naissance',
    birthFirstNamesHint: 'Tous les prénoms, dans l’ordre, séparés par des espaces',
    birthDate: 'Date de naissance',
    birthDateHint: 'JJ/MM/AAAA',
    sex: 'Sexe',
    sexes: { M: 'Masculin', F: 'Féminin', I: 'Indéterminé' },
    birthplaceCode: 'Code INSEE du lieu de naissance',
    birthplaceHint: '5 caractères ; 99xxx si né(e) à l’étranger, 99999 si inconnu',
    residence: 'Domicile',
    residenceCode: 'Code INSEE de la commune de résidence',
    residenceHint: 'Facultatif, 5 caractères : sert à estimer les km que les actes à distance évitent au patient',
    usedName: 'Nom utilisé',
    usedFirstName: 'Prénom utilisé',
    identityStatus: "Statut de l'identité",
    statuses: {
      PROV: 'PROV — provisoire',
      VALI: "VALI — validée (pièce d'identité vérifiée)",
      RECUP: "RECUP — récupérée (INS obtenue par l'INSi)",
      QUAL: 'QUAL — qualifiée (validée et récupérée)',
    },
    ins: 'Identité nationale de santé',
    oids: { NIR: 'NIR', NIA: 'NIA', NIR_TEST: 'NIR de test', NIA_TEST: 'NIA de test' },
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    errorsTitle: 'Le dossier n’a pas été enregistré. Corrigez les champs signalés :',
    reload: 'Recharger le dossier',
  },
  duplicates: {
    title: 'Ce patient existe peut-être déjà',
    intro:
      'Ces dossiers ressemblent à l’identité saisie. Vérifiez avant de créer un second dossier pour la même personne.',
    open: 'Ouvrir ce dossier',
    createAnyway: 'Ce n’est pas la même personne — créer le dossier',
    cancel: 'Revenir à la saisie',
  },
  acts: actsFr,
  consent: consentFr,
  onDuty: {
    call: 'Alerte AVC : appeler l’expert de garde en {{specialty}} ({{hospital}})',
    defaultReason: 'Alerte AVC — thrombolyse à discuter',
    attempt: '{{rank}}. {{name}}',
    ringing: 'sonne…',
    outcomes: {
      declined: 'a refusé',
      timeout: 'pas de réponse',
      busy: 'occupé',
      offline: 'hors ligne',
      answered: 'a répondu',
      cancelled: 'appel annulé',
      hangup: 'appel terminé',
    },
    exhausted: 'Aucun médecin de garde n’a répondu : appelez le standard de l’hôpital de recours.',
    dismiss: 'Fermer l’alerte',
  },
  strokeCall: {
    title: 'Fiche AVC',
    start: 'Ouvrir la fiche AVC de ce patient',
    acts: 'Actes en cours du patient',
    useAct: 'Fiche AVC de cet acte',
    newAct: 'Ouvrir un acte pour cet appel',
    requester: 'Médecin demandeur',
    defaultReason: 'Suspicion d’AVC',
    sheetOf: 'Fiche AVC — {{patient}}',
    cameraNotGranted: 'La caméra du chariot répondra aux boutons des items quand l’équipe vous laissera la piloter.',
  },
  stroke: strokeFr,
  pacs: pacsFr,
  sharedImaging: {
    shareTitle: 'Images du patient',
    start: 'Montrer des images (scanner, IRM…)',
    patient: 'Patient (nom, date de naissance)',
    noPatient: 'Aucun patient trouvé.',
    otherPatient: 'Autre patient',
    title: 'Images partagées : {{label}}',
    sent: '{{sent}}/{{count}} images envoyées',
    received: '{{received}}/{{count}} images reçues',
    stop: 'Arrêter le partage',
  },
  viewer: {
    tools: 'Outils de la visionneuse',
    tool: { window: 'Fenêtre', pan: 'Déplacer', zoom: 'Zoom', length: 'Longueur', roi: 'Densité (ROI)' },
    preset: { brain: 'Cerveau', stroke: 'AVC', subdural: 'Sous-dural', bone: 'Os' },
    reset: 'Vue d’origine',
    image: '{{label}} : coupe {{index}} sur {{count}}',
    slice: 'Coupe',
    state: 'Coupe {{index}}/{{count}} — F {{width}} / C {{center}} — zoom ×{{zoom}}',
    loading: '{{loaded}}/{{count}} images chargées',
    waiting: 'Chargement de la coupe {{index}}…',
    failed: 'La coupe {{index}} ne peut pas être affichée : {{reason}}',
    frameErrors: {
      unreadable: 'fichier illisible',
      truncated: 'fichier tronqué',
      not_an_image: 'ce n’est pas une image',
      no_such_frame: 'image absente',
      unsupported_pixels: 'format d’image non pris en charge',
      corrupt_pixels: 'pixels endommagés',
      not_found: 'fichier absent de la station : importez l’examen de nouveau',
    },
    measurements: 'Mesures sur cette coupe',
    length: 'Longueur : {{value}} {{unit}}',
    roi: 'Densité moyenne : {{mean}} {{unit}} (écart type {{sd}}, {{pixels}} pixels, {{area}} mm²)',
    roiEmpty: 'Zone trop petite',
    clearMeasurements: 'Effacer les mesures de cette coupe',
    noPresets: 'Pas de préréglages de fenêtre hors scanner.',
    noImage: 'Aucune image affichable',
    images: '{{count}} image(s)',
    openSeries: 'Ouvrir la série {{label}}',
    opening: 'Ouverture de la série…',
    share: 'Partager cette série dans l’appel',
  },
  imaging: imagingScreenFr,
  identity: identityFr,
  hubToken: hubTokenFr,
  disk: diskFr,
  database: databaseFr,
  imagingSafety: imagingSafetyFr,
  kiosk: kioskFr,
  vigilance: vigilanceFr,
  activity: activityFr,
  expertise: expertiseFr,
  banner: bannerFr,
  inputs: inputsFr,
  author: authorFr,
  why: whyFr,
  errors: {
    validation_failed: 'Certaines informations sont incorrectes. Corrigez les champs signalés.',
    not_found: 'Ce dossier n’existe pas ou plus sur cette station.',
    stale_version:
      'Ce dossier a été modifié ailleurs depuis son ouverture. Rechargez-le, puis refaites votre modification.',
    forbidden: 'Accès refusé. Ouvrez l’adresse affichée par la station.',
    control_not_granted:
      'Pilotage à distance non autorisé pour cet appel : la personne au chariot doit d’abord laisser l’expert piloter la caméra.',
    consent_required:
      'Le consentement du patient nécessaire manque : recueillez-le dans son acte (« Consentement du patient »), puis recommencez.',
    unknown_channel: 'Opération inconnue de la station. Mettez Relais à jour.',
    disconnected: 'La station est injoignable. Vérifiez que Relais tourne toujours, puis réessayez.',
    device_unavailable: 'Appareil indisponible : vérifiez qu’il est branché et allumé. Relais se reconnecte tout seul.',
    device_refused:
      'L’appareil n’a pas exécuté la commande. Réessayez ; s’il refuse encore, vérifiez son mode (mise au point auto, veille…).',
    hub_unavailable: 'Le serveur régional est injoignable. Relais se reconnecte tout seul ; réessayez dans un instant.',
    pacs_unavailable:
      'Le PACS de l’hôpital n’est pas configuré, injoignable ou a refusé la demande. Importez les images depuis un CD ou une clé USB, ou appelez le service informatique.',
    insi_unavailable:
      'Le téléservice INSi n’est pas configuré sur ce poste ou sa passerelle n’a pas répondu : rien n’a changé dans le dossier. Réessayez ; si cela persiste, appelez le support informatique (le réglage est indiqué sur la page Technique).',
    audit_unavailable:
      'Le poste n’a pas pu écrire son journal d’audit : le dossier n’est pas affiché. Réessayez ; si cela persiste, appelez le support.',
    kiosk_mode:
      'Non disponible dans la cabine. Le pharmacien quitte le mode cabine avec son code (« Espace pharmacien ») pour y accéder.',
    disk_full:
      'Disque plein : rien de nouveau n’a pu être enregistré (les dossiers restent lisibles). Libérez de la place sur le disque de la station (corbeille, anciens fichiers) ou appelez le service informatique, puis réessayez.',
    database_damaged:
      'La base de données du poste est endommagée : il n’affiche que les dossiers encore lisibles et n’enregistre plus rien. Appelez le technicien : il restaure une sauvegarde (écran Synchronisation, Base de données).',
    database_held:
      'La base de données du poste est absente ou plus ancienne que celle qu’il a écrite en dernier : rien n’est enregistré tant qu’une personne n’a pas décidé, sur l’écran Synchronisation (restaurer une sauvegarde, ou continuer avec celle-ci).',
    internal: 'Erreur inattendue de la station. Réessayez ; si elle persiste, appelez le support.',
  },
  fieldErrors: {
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
      ...vigilanceFieldErrorsFr,
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
      not_of_this_act: 'Ce compte rendu n’appartient pas à cet acte.',
      already_replaced: 'Ce compte rendu a déjà été corrigé : corrigez la dernière version.',
    },
    imaging: {
      folder: 'Dossier ou lecteur introuvable : {{message}}',
      patient_mismatch:
        'Ces images sont au nom de {{name}} (né(e) le {{birthDate}}) : l’identité diffère de celle du dossier ({{differences}}). Vérifiez avant de les rattacher.',
      study_of_another_patient: 'Cette étude est déjà rattachée à un autre patient de cette station.',
      confirmation_without_study:
        'Une confirmation d’identité vise un examen qui n’est pas importé : cochez-le, ou annulez sa confirmation.',
      confirmation_twice: 'Cet examen a reçu deux confirmations d’identité : gardez-en une seule.',
      too_many_drops:
        '{{max}} dépôts sont encore en cours d’envoi vers cette station : attendez qu’ils soient envoyés, puis déposez de nouveau ces fichiers. Un dépôt laissé inachevé est abandonné après {{minutes}} minutes.',
    },
    upload: {
      too_many_in_progress:
        '{{max}} fichiers sont déjà en cours d’enregistrement sur cette station : attendez qu’ils soient terminés, puis ajoutez celui-ci de nouveau. Un envoi laissé inachevé est abandonné après {{minutes}} minutes.',
    },
    pacs: {
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
  },
};

export type Translations = Texts<typeof fr>;
