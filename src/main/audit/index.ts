// The audit feature's public face: the chained audit trail, its repository and its contract handlers.
// What the composition (station.ts) and the other features may import from it; the rest of the folder
// is the feature's own (lint: relais/boundaries).
export { AUDIT_ACTIONS, GENESIS_HASH, auditHash, canonicalAuditRow } from './audit-chain';
export type { AuditContent, AuditRow } from './audit-chain';
export { createStationAudit, stationWho } from './audit-handlers';
export { createAuditRepository } from './audit-repository';
export { createAuditService } from './audit-service';
export type { UnwrittenAuditEvent, Who } from './audit-service';
export { createAuditFeature } from './audit-feature';
