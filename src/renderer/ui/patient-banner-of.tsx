// The patient banner for a screen that knows only the patient's id (an act, its stroke sheet):
// it reads her identity from the station and reads it again when it changes (an INSi answer, a
// correction), so that the banner never shows traits older than her record.
import { useEffect, useState } from 'react';
import type { Patient } from '../../shared/patients/patient';
import { relais } from '../api';
import { PatientBanner } from './patient-banner';

export function PatientBannerOf({ patientId }: { patientId: string }) {
  const [patient, setPatient] = useState<Patient | null>(null);
  useEffect(() => {
    let current = true; // an answer for a patient no longer shown is dropped
    const load = () =>
      void relais.invoke('patients.get', { id: patientId }).then((r) => {
        if (current && r.ok) setPatient(r.value);
      });
    load();
    const stop = relais.on('patients.changed', (changed) => {
      if (changed.id === patientId) load();
    });
    return () => {
      current = false;
      stop();
    };
  }, [patientId]);
  // Until her record is read the space stays empty: a banner is never shown with another patient's traits.
  return patient?.id === patientId ? <PatientBanner patient={patient} /> : null;
}
