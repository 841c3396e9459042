// The sync feature's public face: push, pull, outbox, FHIR mapping and the reconciliation with the
// region. What the composition (station.ts) and the other features may import from it; the rest of the
// folder is the feature's own (lint: relais/boundaries).
export { chatEntityId } from './chat-entity';
export { createConflictResolution } from './conflict-resolution';
export { createExpertisePull } from './expertise-pull';
export { FhirNetworkError, createFhirClient } from './fhir-client';
export type { FhirAnswer, FhirClient } from './fhir-client';
export { AUDIT_SYSTEM } from './fhir/audit-event';
export { encounterFromFhir } from './fhir/encounter';
export { communicationToMessage } from './fhir/expertise-message';
export { FhirMappingError } from './fhir/mapping-error';
export { SHA256_SYSTEM } from './fhir/media';
export { patientFromFhir } from './fhir/patient';
export { SYSTEM } from './fhir/systems';
export { createLocalResources } from './local-resources';
export type { AuditSource } from './local-resources';
export type { AppointmentSource } from './push/push-appointment';
export { createReconcileRepository } from './reconcile-repository';
export { createServerVersionTaker } from './server-version';
export { startStationSync } from './station-sync';
export type { StationSync } from './station-sync';
export { createSyncRepository } from './sync-repository';
export type { SyncRepository } from './sync-repository';
export { syncHandlers } from './sync-handlers';
export { createSyncFeature } from './sync-feature';
