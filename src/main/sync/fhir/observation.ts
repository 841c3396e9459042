// A vital sign -> FHIR R4 Observation following the vital-signs profile: category vital-signs,
// LOINC code, UCUM quantity; blood pressure as the panel with systolic and diastolic components.
import type { Observation as FhirObservation, Quantity } from '@medplum/fhirtypes';
import type { Encounter, Observation, Vital } from '../../../shared/acts/encounter';
import { PROFILE, SYSTEM, uuidIdentifier } from './systems';

/** LOINC codes of the vital-signs profile. */
export const LOINC = {
  spo2: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
  heart_rate: { code: '8867-4', display: 'Heart rate' },
  respiratory_rate: { code: '9279-1', display: 'Respiratory rate' },
  body_temperature: { code: '8310-5', display: 'Body temperature' },
  body_weight: { code: '29463-7', display: 'Body weight' },
  blood_pressure: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { code: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
} as const;

const loinc = (key: keyof typeof LOINC) => ({
  coding: [{ system: SYSTEM.loinc, ...LOINC[key] }],
  text: LOINC[key].display,
});
const quantity = (value: number, unit: string): Quantity => ({ value, unit, system: SYSTEM.ucum, code: unit });

function valueOf(vital: Vital): Pick<FhirObservation, 'valueQuantity' | 'component'> {
  if (vital.code === 'blood_pressure') {
    return {
      component: [
        { code: loinc('systolic'), valueQuantity: quantity(vital.systolic, vital.unit) },
        { code: loinc('diastolic'), valueQuantity: quantity(vital.diastolic, vital.unit) },
      ],
    };
  }
  return { valueQuantity: quantity(vital.value, vital.unit) };
}

export function observationToFhir(o: Observation, encounter: Pick<Encounter, 'id' | 'patientId'>): FhirObservation {
  return {
    resourceType: 'Observation',
    id: o.id,
    meta: { profile: [PROFILE.vitalSigns] },
    identifier: [uuidIdentifier(o.id)],
    status: 'final',
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: loinc(o.vital.code),
    subject: { reference: `Patient/${encounter.patientId}` },
    encounter: { reference: `Encounter/${encounter.id}` },
    effectiveDateTime: o.takenAt,
    performer: [{ display: o.takenBy }],
    ...(o.device ? { device: { display: o.device } } : {}),
    method: { text: o.method === 'device' ? 'Appareil connecté' : 'Saisie manuelle' },
    ...valueOf(o.vital),
    // Outside the usual range (src/shared/acts/vital-limits.ts) and confirmed by who took it: the reader knows it was checked.
    ...(o.unusualConfirmed ? { note: [{ text: `Valeur inhabituelle vérifiée et confirmée par ${o.takenBy}.` }] } : {}),
  };
}
