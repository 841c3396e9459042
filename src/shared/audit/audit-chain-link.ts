// A row's place in its station's audit chain, as it travels in a FHIR AuditEvent: an extension
// with the row's sequence number, the hash of the row before it and its own hash. The station
// writes it (src/main/sync/fhir/audit-event.ts); the hub reads it to check that each row follows
// the last one it acknowledged, and answers it back as the acknowledgement.
import { HUB_PEER_SYSTEM } from '../region-source';

export const AUDIT_CHAIN_EXTENSION = 'urn:relais:StructureDefinition:audit-chain';

export interface AuditChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

interface ExtensionLike {
  url?: unknown;
  valueInteger?: unknown;
  valueString?: unknown;
  extension?: unknown;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The chain extension of an AuditEvent, or null when it has none or a malformed one. */
export function auditChainLinkOf(resource: unknown): AuditChainLink | null {
  const extensions = (resource as { extension?: unknown } | null)?.extension;
  if (!Array.isArray(extensions)) return null;
  const chain = (extensions as ExtensionLike[]).find((e) => e?.url === AUDIT_CHAIN_EXTENSION);
  if (!chain || !Array.isArray(chain.extension)) return null;
  const part = (url: string) => (chain.extension as ExtensionLike[]).find((e) => e?.url === url);
  const seq = part('seq')?.valueInteger;
  const prevHash = part('prevHash')?.valueString;
  const hash = part('hash')?.valueString;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) return null;
  if (typeof prevHash !== 'string' || !SHA256_HEX.test(prevHash) || typeof hash !== 'string' || !SHA256_HEX.test(hash))
    return null;
  return { seq, prevHash, hash };
}

/** The token subject an AuditEvent's source.observer names (identifier of HUB_PEER_SYSTEM), or null. */
export function auditObserverOf(resource: unknown): string | null {
  type WithObserver = { source?: { observer?: { identifier?: { system?: unknown; value?: unknown } } } } | null;
  const identifier = (resource as WithObserver)?.source?.observer?.identifier;
  return identifier?.system === HUB_PEER_SYSTEM && typeof identifier.value === 'string' ? identifier.value : null;
}
