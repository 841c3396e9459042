// The patient banner's texts (French, the reference).
export const bannerFr = {
  label: 'Patient',
  born: 'né(e) le {{date}}',
  age_one: '{{count}} an',
  age_other: '{{count}} ans',
  sexes: { F: 'Femme', M: 'Homme', I: 'Indéterminé' },
  status: {
    PROV: 'Identité provisoire',
    VALI: 'Identité validée',
    RECUP: 'Identité récupérée',
    QUAL: 'Identité qualifiée',
  },
  notQualified: 'identité non qualifiée : vérifiez les traits avec le patient',
  ins: 'INS {{matricule}}',
};
