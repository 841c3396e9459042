// AuditEvents at the hub: every station and every expert sends her own audit trail, and only her
// own. "Own" is decided from the token's claims: the AuditEvent's source.observer names the token's
// subject (issue 16, point 14).
import { auditObserverOf, HUB_PEER_SYSTEM } from '../shared/audit-chain-link';
import type { Claims } from './tokens';

/** SECURITY: an AuditEvent is its sender's own only: its source.observer names the token's subject. */
export function whyNotOwnAuditEvent(resource: unknown, claims: Claims): string | null {
  const observer = auditObserverOf(resource);
  if (observer === claims.sub) return null;
  return `An AuditEvent is accepted only from the station that recorded it: its source.observer must name you (identifier ${HUB_PEER_SYSTEM}|${claims.sub})${observer ? `, not ${observer}` : ''}.`;
}
