// The professionals a resource names by IdNatPS (participants, requester, performer, author...),
// found wherever they are so that a new field naming one needs no change here.
import type { Resource } from '@medplum/fhirtypes';
import type { Professional } from '../../../shared/acts/encounter';
import { SYSTEM } from './systems';

export function namedProfessionals(resource: Resource): Professional[] {
  const found = new Map<string, Professional>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const ref = value as { display?: unknown; identifier?: { system?: unknown; value?: unknown } };
    const id = ref.identifier;
    if (
      typeof ref.display === 'string' &&
      id?.system === SYSTEM.idNatPs &&
      typeof id.value === 'string' &&
      /^8\d{11}$/.test(id.value)
    ) {
      const rpps = id.value.slice(1);
      if (!found.has(rpps)) found.set(rpps, { name: ref.display, role: 'physician', rpps, specialty: null });
    }
    Object.values(value).forEach(visit);
  };
  visit(resource);
  return [...found.values()];
}
