// English texts of identity vigilance (same keys as texts-fr.ts).
import type { Texts } from '../../i18n/texts';
import type { vigilanceFieldErrorsFr, vigilanceFr } from './texts-fr';

export const vigilanceEn: Texts<typeof vigilanceFr> = {
  statuses: {
    PROV: 'PROV — provisional',
    VALI: 'VALI — validated (identity document checked)',
    RECUP: 'RECUP — retrieved (INS from INSi)',
    QUAL: 'QUAL — qualified (INS from INSi and document checked)',
  },
  statusLine: 'Identity status: ',
  statusHint:
    'RECUP and QUAL are not chosen by hand: only an answer of the INSi teleservice gives them ("Retrieve the INS" on the patient’s page).',
  birthFirstNames: 'All given names at birth',
  birthFirstNamesHint:
    'All given names of the birth certificate, in order, separated by spaces. Required, except for a provisional identity.',
  typedIns: {
    matricule: 'Number read from a card or a document (to be checked)',
    hint: 'Optional. It is not the patient’s INS: only the INSi teleservice gives that. A Carte Vitale’s number may be a parent’s.',
    oid: 'Kind of number',
  },
  document: {
    legend: 'Identity document',
    type: 'Identity document checked',
    none: '— no document checked —',
    types: {
      passport: 'Passport',
      national_id_card: 'National identity card',
      residence_permit: 'Residence permit',
      family_record_book: 'Family record book (minor)',
    },
    parentDocument: 'The parent’s identity document',
    checkedBy: 'Checked by',
    checkedOn: 'Checked on',
    checkedOnHint: 'DD/MM/YYYY',
    hint: 'Required for a validated or qualified identity. Only these high-trust documents count (RNIV): passport, national identity card, residence permit; for a minor, the family record book with a parent’s document.',
    notRecorded:
      'Identity validated before documents were recorded: give the document checked to keep the VALI status.',
  },
  insi: {
    title: 'INS and the INSi teleservice',
    notConfigured:
      'The INSi teleservice is not configured on this station: the INS cannot be retrieved here, and the identity stays provisional or validated. To get it, call IT support: the setting to make is shown on the Technical page.',
    noIns: 'No INS: only the INSi teleservice gives one.',
    ins: 'INS: {{matricule}} ({{oid}})',
    retrieved: 'From INSi on {{at}}, asked by {{by}}.',
    typed: 'Number to be checked: {{matricule}}',
    typedHint: 'Typed or read from a card: it is never sent nor printed as the INS.',
    retrieve: 'Retrieve the INS (INSi teleservice)',
    verify: 'Verify the INS with INSi',
    verifyHint: 'Traits from INSi are not corrected by hand: a correction goes through "Verify the INS with INSi".',
    asking: 'Asking the INSi teleservice…',
    found: 'INSi found one identity. Compare its traits with the patient’s identity document before accepting them.',
    traitsDiffer:
      'INSi returns other traits for this INS. Compare them with the patient’s identity document before accepting them.',
    notFound:
      'INSi found no identity for these traits. Check them on the identity document (birth name, all given names, date, sex, place) and try again; otherwise the identity stays without an INS.',
    severalFound:
      'INSi found several identities for these traits. Add all the given names at birth and the birthplace, then try again.',
    verified: 'INSi confirms this record’s INS and traits.',
    unknownIns:
      'INSi does not know this record’s INS: tell the identity-vigilance team and, meanwhile, lower the status.',
    table: {
      caption: 'The record’s traits and INSi’s',
      trait: 'Trait',
      here: 'In this record',
      insi: 'INSi',
      differs: 'differs',
    },
    becomesQual:
      'If you accept, INSi’s traits replace the record’s and the status becomes QUAL (the document checked bears these traits).',
    becomesRecup:
      'If you accept, INSi’s traits replace the record’s and the status becomes RECUP. To qualify the identity, then check the identity document against these traits.',
    accept: 'Accept INSi’s traits',
    reject: 'Do not use this answer',
  },
  traits: {
    birthName: 'Birth name',
    firstName: 'First given name at birth',
    birthFirstNames: 'Given names at birth',
    birthDate: 'Date of birth',
    sex: 'Sex',
    birthplaceCode: 'Birthplace (INSEE)',
    usedName: 'Used name',
    usedFirstName: 'Used given name',
    identityStatus: 'Status',
    ins: 'INS',
    typedIns: 'Number to be checked',
    identityDocument: 'Document checked',
    residenceCode: 'Commune of residence',
  },
  history: {
    title: 'Identity history',
    empty: 'No change recorded.',
    entry: '{{at}} — {{operation}} — {{by}}',
    change: '{{field}}: {{from}} → {{to}}',
    none: '—',
    document: '{{type}}, checked by {{by}} on {{on}}',
    operations: {
      created: 'Created',
      edited: 'Edited',
      insi_search_traits: 'INSi teleservice (search by traits)',
      insi_search_card: 'INSi teleservice (Carte Vitale)',
      insi_verify: 'INSi teleservice (verification)',
      insi_verified: 'INSi teleservice: INS and traits confirmed',
      region: 'Regional server',
      lowered_without_insi: 'Relais update: INS typed without INSi, status lowered and the number kept "to be checked"',
    },
  },
};

export const vigilanceFieldErrorsEn: Texts<typeof vigilanceFieldErrorsFr> = {
  document_required:
    'A validated or qualified identity rests on a document checked: say which, who checked it and when (or keep the identity provisional).',
  parent_document_required: 'With a family record book, give the parent’s identity document that was shown.',
  family_book_only_for_minor:
    'The family record book is for a minor only: an adult needs a passport, an identity card or a residence permit.',
  status_needs_insi:
    'RECUP and QUAL come only from an answer of the INSi teleservice: save the identity as PROV or VALI, then use "Retrieve the INS".',
  document_before_insi:
    'To qualify the identity, check the identity document against the traits INSi returned: give a check made since its answer.',
  no_ins_to_verify: 'This record has no INS from INSi to verify: retrieve it first.',
};
