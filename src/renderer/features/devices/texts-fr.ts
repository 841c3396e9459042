// French texts of the devices screen: the station's devices and what each detail means; the pulse oximeter: readings
// and what each status asks of the person (the reference).
export const devicesFr = {
  title: 'Appareils',
  list: 'Appareils de la station',
  simulated: 'simulé',
  unnamed: 'appareil sans nom',
  lastPress: 'Dernier appui : {{control}} à {{time}}',
  details: {
    detected_unconfigured:
      'Détecté, non configuré : confirmez avec « npx relais-devices probe », puis ajoutez-le à devices.json.',
  },
};

export const oximeterFr = {
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
};
