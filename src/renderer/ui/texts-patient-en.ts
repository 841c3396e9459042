// English texts of the patients' list and a patient's summary; the identity form: strict and used traits, status, INS
// (the same keys as the French).
import type { Texts } from '../i18n/texts';
import type { patientsFr, formFr } from './texts-patient-fr';

export const patientsEn: Texts<typeof patientsFr> = {
  title: 'Patients',
  new: 'New patient',
  search: 'Find a patient',
  searchHint: 'Name, birth date (DD/MM/YYYY) or INS number',
  searchButton: 'Search',
  recent: 'Recent patients',
  results: 'Results',
  none: 'No patient found.',
  insQualified: 'Qualified INS',
  born: 'born',
  usedName: 'known as',
  back: 'Back to the list',
  createTitle: 'New patient',
  editTitle: 'Identity',
  saved: 'Identity saved.',
  created: 'Patient saved. You can open an act: “New act” below.',
};

export const formEn: Texts<typeof formFr> = {
  strictTraits: 'Strict traits',
  usedTraits: 'Traits in use',
  birthName: 'Birth name',
  firstName: 'First given name at birth',
  birthFirstNames: 'Given names at birth',
  birthFirstNamesHint: 'All given names, in order, separated by spaces',
  birthDate: 'Birth date',
  birthDateHint: 'DD/MM/YYYY',
  sex: 'Sex',
  sexes: { M: 'Male', F: 'Female', I: 'Indeterminate' },
  birthplaceCode: 'INSEE code of the birthplace',
  birthplaceHint: '5 characters; 99xxx if born abroad, 99999 if unknown',
  residence: 'Home',
  residenceCode: 'INSEE code of the commune of residence',
  residenceHint: 'Optional, 5 characters: used to estimate the km remote acts spare the patient',
  usedName: 'Name in use',
  usedFirstName: 'Given name in use',
  identityStatus: 'Identity status',
  statuses: {
    PROV: 'PROV — provisional',
    VALI: 'VALI — validated (ID document checked)',
    RECUP: 'RECUP — retrieved (INS from the INSi teleservice)',
    QUAL: 'QUAL — qualified (validated and retrieved)',
  },
  ins: 'National health identity (INS)',
  oids: { NIR: 'NIR', NIA: 'NIA', NIR_TEST: 'Test NIR', NIA_TEST: 'Test NIA' },
  save: 'Save',
  saving: 'Saving…',
  errorsTitle: 'The record was not saved. Correct the fields shown:',
  reload: 'Reload the record',
};
