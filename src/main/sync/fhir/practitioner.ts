// A health professional -> FHIR R4 Practitioner following FR Core: identified by IdNatPS ("8" +
// RPPS, type IDNPS), named as the station knows them. The national directory owns these
// resources: the station creates one only if the server has none with that IdNatPS (conditional
// create), and otherwise points at it by identifier.
import type { Practitioner, Reference } from '@medplum/fhirtypes';
import type { Professional } from '../../../shared/acts/encounter';
import { PROFILE, SYSTEM } from './systems';

export const idNatPs = (rpps: string) => `8${rpps}`;

/** A reference by IdNatPS when the RPPS is known, by name only otherwise. */
export function professionalReference(p: Professional): Reference<Practitioner> {
  return { display: p.name, ...(p.rpps ? { identifier: { system: SYSTEM.idNatPs, value: idNatPs(p.rpps) } } : {}) };
}

/** Null for a professional without an RPPS number: there is nothing to identify them by. */
export function practitionerToFhir(p: Professional): Practitioner | null {
  if (!p.rpps) return null;
  return {
    resourceType: 'Practitioner',
    meta: { profile: [PROFILE.practitioner] },
    identifier: [
      {
        use: 'official',
        type: { coding: [{ system: SYSTEM.identifierType, code: 'IDNPS' }] },
        system: SYSTEM.idNatPs,
        value: idNatPs(p.rpps),
      },
    ],
    name: [{ text: p.name }],
    ...(p.specialty ? { qualification: [{ code: { text: p.specialty } }] } : {}),
  };
}

/** The search that finds this professional's Practitioner (for If-None-Exist). */
export const practitionerSearch = (rpps: string) => `identifier=${SYSTEM.idNatPs}|${idNatPs(rpps)}`;
