// The patient banner's texts (English).
import type { Texts } from '../i18n/texts';
import type { bannerFr } from './texts-banner-fr';

export const bannerEn: Texts<typeof bannerFr> = {
  label: 'Patient',
  born: 'born {{date}}',
  age_one: '{{count}} year',
  age_other: '{{count}} years',
  sexes: { F: 'Female', M: 'Male', I: 'Undetermined' },
  status: {
    PROV: 'Provisional identity',
    VALI: 'Validated identity',
    RECUP: 'Retrieved identity',
    QUAL: 'Qualified identity',
  },
  notQualified: 'identity not qualified: check the traits with the patient',
  ins: 'INS {{matricule}}',
};
