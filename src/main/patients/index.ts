// The patients feature's public face: the registry, identity vigilance and the INSi seam. What the
// composition (station.ts) and the other features may import from it; the rest of the folder is the
// feature's own (lint: relais/boundaries).
export { insiSettingsFromEnv } from './insi/insi-settings';
export type { InsiSettings } from './insi/insi-settings';
export { createStationPatients } from './patient-handlers';
export { createPatientRepository } from './patient-repository';
export type { PatientRepository } from './patient-repository';
export { createPatientsFeature } from './patients-feature';
