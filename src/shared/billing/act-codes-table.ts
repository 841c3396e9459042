// The French Assurance Maladie codes for telemedicine acts, with their dates of validity: the
// one data file the station bills from. Each line says where it comes from; a line marked
// `check` has a date or amount to confirm against the convention text before billing with it.
// Amounts are in euros, for the activity view; the code is what goes on the claim.

export type Profession = 'general_practitioner' | 'specialist' | 'midwife' | 'nurse' | 'pharmacist';
export type ActRole = 'expert' | 'requester' | 'assistant';
/** Where a nurse assists a téléconsultation: during scheduled care, in a dedicated place (a telecabin), or at home for it. */
export type AssistSetting = 'scheduled_care' | 'dedicated_place' | 'home';

export interface ActCodeLine {
  code: string;
  act: 'teleconsultation' | 'teleexpertise';
  role: ActRole;
  professions: readonly Profession[];
  /** Téléexpertise before April 2022 had two levels. */
  level?: 1 | 2;
  setting?: AssistSetting;
  label: string;
  amountEur: number | null;
  /** ISO dates, `to` inclusive; null: still valid. */
  from: string;
  to: string | null;
  source: string;
  check?: string;
}

export const ACT_CODES: readonly ActCodeLine[] = [
  // Téléconsultation: avenant 6 to the 2016 medical convention, from 15 September 2018.
  {
    code: 'TCG',
    act: 'teleconsultation',
    role: 'expert',
    professions: ['general_practitioner'],
    label: 'Téléconsultation du médecin généraliste',
    amountEur: 25,
    from: '2018-09-15',
    to: null,
    source: 'Convention médicale, avenant 6 (JO 10 août 2018)',
    check: 'amount follows the consultation fee',
  },
  {
    code: 'TC',
    act: 'teleconsultation',
    role: 'expert',
    professions: ['specialist', 'midwife'],
    label: 'Téléconsultation (autres spécialités)',
    amountEur: null,
    from: '2018-09-15',
    to: null,
    source: 'Convention médicale, avenant 6 (JO 10 août 2018)',
    check: 'amount follows each specialty’s consultation fee; midwives’ code to confirm',
  },
  // Téléexpertise, 10 February 2019 to 31 March 2022: two levels.
  {
    code: 'TE1',
    act: 'teleexpertise',
    role: 'expert',
    professions: ['general_practitioner', 'specialist'],
    level: 1,
    label: 'Téléexpertise de niveau 1 (médecin requis)',
    amountEur: 12,
    from: '2019-02-10',
    to: '2022-03-31',
    source: 'Convention médicale, avenant 6; avenant 9 (1er avril 2022)',
  },
  {
    code: 'TE2',
    act: 'teleexpertise',
    role: 'expert',
    professions: ['general_practitioner', 'specialist'],
    level: 2,
    label: 'Téléexpertise de niveau 2 (médecin requis)',
    amountEur: 20,
    from: '2019-02-10',
    to: '2022-03-31',
    source: 'Convention médicale, avenant 6; avenant 9 (1er avril 2022)',
  },
  {
    code: 'RQD',
    act: 'teleexpertise',
    role: 'requester',
    professions: ['general_practitioner', 'specialist'],
    level: 1,
    label: 'Demande de téléexpertise de niveau 1 (requérant)',
    amountEur: 5,
    from: '2019-02-10',
    to: '2022-03-31',
    source: 'Convention médicale, avenant 6',
  },
  {
    code: 'RQD',
    act: 'teleexpertise',
    role: 'requester',
    professions: ['general_practitioner', 'specialist'],
    level: 2,
    label: 'Demande de téléexpertise de niveau 2 (requérant)',
    amountEur: 10,
    from: '2019-02-10',
    to: '2022-03-31',
    source: 'Convention médicale, avenant 6',
  },
  // Téléexpertise from 1 April 2022 (avenant 9): one level, open to all patients.
  {
    code: 'TE2',
    act: 'teleexpertise',
    role: 'expert',
    professions: ['general_practitioner', 'specialist', 'midwife'],
    label: 'Téléexpertise (professionnel requis)',
    amountEur: 20,
    from: '2022-04-01',
    to: null,
    source: 'Convention médicale, avenant 9 (1er avril 2022)',
  },
  {
    code: 'RQD',
    act: 'teleexpertise',
    role: 'requester',
    professions: ['general_practitioner', 'specialist', 'midwife', 'nurse'],
    label: 'Demande de téléexpertise (professionnel requérant)',
    amountEur: 10,
    from: '2022-04-01',
    to: null,
    source: 'Convention médicale, avenant 9; conventions des auxiliaires médicaux',
    check: 'date from which nurses may bill RQD',
  },
  // A nurse assisting a téléconsultation: avenant 6 to the nurses' convention.
  {
    code: 'TLS',
    act: 'teleconsultation',
    role: 'assistant',
    professions: ['nurse'],
    setting: 'scheduled_care',
    label: 'Accompagnement à la téléconsultation lors d’un soin infirmier prévu',
    amountEur: 10,
    from: '2020-01-01',
    to: null,
    source: 'Convention nationale des infirmiers, avenant 6',
    check: 'effective date',
  },
  {
    code: 'TLL',
    act: 'teleconsultation',
    role: 'assistant',
    professions: ['nurse'],
    setting: 'dedicated_place',
    label: 'Accompagnement à la téléconsultation dans un lieu dédié (télécabine)',
    amountEur: 12,
    from: '2020-01-01',
    to: null,
    source: 'Convention nationale des infirmiers, avenant 6',
    check: 'effective date',
  },
  {
    code: 'TLD',
    act: 'teleconsultation',
    role: 'assistant',
    professions: ['nurse'],
    setting: 'home',
    label: 'Accompagnement à la téléconsultation organisé au domicile',
    amountEur: 15,
    from: '2020-01-01',
    to: null,
    source: 'Convention nationale des infirmiers, avenant 6',
    check: 'effective date',
  },
  // A pharmacist assisting a téléconsultation in the pharmacy: a traceability act, the work
  // itself being paid by yearly lump sums.
  {
    code: 'TLM',
    act: 'teleconsultation',
    role: 'assistant',
    professions: ['pharmacist'],
    label: 'Assistance à la téléconsultation en officine',
    amountEur: 1,
    from: '2022-03-09',
    to: null,
    source: 'Convention nationale des pharmaciens du 9 mars 2022, article V.I (ameli.fr)',
    check: 'effective date (date of signing given)',
  },
];
