// The calls feature's public face: the call journal and the call service over the hub link. What the
// composition (station.ts) and the other features may import from it; the rest of the folder is the
// feature's own (lint: relais/boundaries).
export { attachmentFromRow, createCallRepository } from './call-repository';
export type { AttachmentRow, CallRepository } from './call-repository';
export { createCallService } from './call-service';
export { callsHandlers } from './calls-handlers';
export { createCallsFeature } from './calls-feature';
export type { CallMessageTakers } from './calls-feature';
