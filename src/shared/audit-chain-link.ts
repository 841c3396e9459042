// How an AuditEvent names its place in the station's audit chain and the station that recorded
// it: the chain extension's address, and the identifier system of a station or an expert as the
// hub knows her. The station writes both (src/main/sync/fhir/audit-event.ts); the hub reads the
// observer to take from each token its own trail only.

export const AUDIT_CHAIN_EXTENSION = 'urn:relais:StructureDefinition:audit-chain';

/**
 * The identifier system of a station or an expert as the hub knows her: the value is her token's
 * subject. An AuditEvent's source.observer names the station that recorded it this way.
 */
export const HUB_PEER_SYSTEM = 'urn:relais:peer';

/** The token subject an AuditEvent's source.observer names (identifier of HUB_PEER_SYSTEM), or null. */
export function auditObserverOf(resource: unknown): string | null {
  const identifier = (resource as { source?: { observer?: { identifier?: { system?: unknown; value?: unknown } } } } | null)?.source?.observer?.identifier;
  return identifier?.system === HUB_PEER_SYSTEM && typeof identifier.value === 'string' ? identifier.value : null;
}
