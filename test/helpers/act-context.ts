// A real act context as a cart sends it to the expert (issue 21): a qualified patient with her INS,
// a consent given by her trusted person, a blood pressure from a device and an SpO2 typed, a photo.
import type { ActContext } from '../../src/shared/calls/act-context';
import { INS_OID } from '../../src/shared/patients/ins';

export const realContext: ActContext = {
  act: {
    id: '6b0f3c1e-8a2d-4f5e-9b7c-1d2e3f4a5b6c',
    type: 'teleconsultation',
    reason: 'Plaie du talon gauche, avis sur la cicatrisation',
    status: 'in_progress',
    site: 'EHPAD Les Tilleuls, Quimper',
    requester: { name: 'Mme Le Goff', role: 'nurse', rpps: '10101010101' },
  },
  patient: {
    birthName: 'DUPONT',
    usedName: 'MARTIN',
    firstName: 'Jeanne',
    usedFirstName: null,
    birthDate: '1948-03-15',
    sex: 'F',
    identityStatus: 'QUAL',
    ins: { matricule: '248036912312368', oid: INS_OID.NIR_TEST },
  },
  consents: [
    {
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'trusted_person', name: 'Paul Martin' },
      collectedBy: 'Mme Le Goff',
      collectedAt: '2026-03-14T09:00:00.000Z',
    },
  ],
  measurements: [
    {
      kind: 'blood_pressure',
      values: [132, 78],
      unit: 'mm[Hg]',
      takenAt: '2026-03-14T09:05:00.000Z',
      device: 'Omron M7',
      takenBy: 'Mme Le Goff',
    },
    {
      kind: 'spo2',
      values: [97],
      unit: '%',
      takenAt: '2026-03-14T09:06:00+01:00',
      device: null,
      takenBy: 'Mme Le Goff',
    },
  ],
  files: [{ kind: 'photo', name: 'Dermatoscope', takenAt: '2026-03-14T09:07:00.000Z', author: 'Mme Le Goff' }],
  composedAt: '2026-03-14T09:08:00.000Z',
};
