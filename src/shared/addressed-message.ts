// Messages one station addresses to another through the regional hub, outside any téléexpertise
// request: the expert's signed report or prescription after the call, and the requesting station's
// receipt for each.
// Each is a FHIR Communication whose category says what it is and whose one recipient is the other
// side as the hub knows it (its token's subject). The hub lets the named recipient read it; the
// stations read its writer from meta.source, which the hub stamps (region-source.ts).
import { HUB_PEER_SYSTEM } from './region-source';

export const STATION_MESSAGE_SYSTEM = 'urn:relais:CodeSystem:station-message';

/** What an addressed message is: a signed document of the expert, or the requesting station's answer to one. */
export const ADDRESSED_KINDS = [
  'expert-report',
  'expert-report-filed',
  'expert-report-refused',
  'expert-prescription',
  'expert-prescription-filed',
  'expert-prescription-refused',
] as const;
/** The kinds only an expert sends: what she signed. Every other kind is a station's answer. */
export const EXPERT_SIGNED_KINDS: readonly AddressedKind[] = ['expert-report', 'expert-prescription'];
export type AddressedKind = (typeof ADDRESSED_KINDS)[number];

interface CommunicationLike {
  resourceType?: unknown;
  category?: unknown;
  recipient?: unknown;
}

/** The kind of an addressed message, or null for any other resource. */
export function addressedKind(resource: CommunicationLike): AddressedKind | null {
  if (resource.resourceType !== 'Communication' || !Array.isArray(resource.category)) return null;
  for (const category of resource.category as { coding?: { system?: unknown; code?: unknown }[] }[]) {
    for (const coding of Array.isArray(category?.coding) ? category.coding : []) {
      const code = coding?.code;
      if (coding?.system === STATION_MESSAGE_SYSTEM && ADDRESSED_KINDS.includes(code as AddressedKind))
        return code as AddressedKind;
    }
  }
  return null;
}

/**
 * The hub subject an addressed message is for: its one recipient named by HUB_PEER_SYSTEM. Null
 * when it is not an addressed message, or names none, several, or someone by another system.
 */
export function addressedTo(resource: CommunicationLike): string | null {
  if (addressedKind(resource) === null || !Array.isArray(resource.recipient) || resource.recipient.length !== 1)
    return null;
  const identifier = (resource.recipient[0] as { identifier?: { system?: unknown; value?: unknown } } | null)
    ?.identifier;
  return identifier?.system === HUB_PEER_SYSTEM && typeof identifier.value === 'string' && identifier.value !== ''
    ? identifier.value
    : null;
}

/** The recipient element naming a hub subject. */
export const hubRecipient = (subject: string) => ({ identifier: { system: HUB_PEER_SYSTEM, value: subject } });
