// The acts feature's public face: encounters, consent, measurements, reports and their PDF, the act's
// files. What the composition (station.ts) and the other features may import from it; the rest of the
// folder is the feature's own (lint: relais/boundaries).
export { createAttachmentService } from './attachment-service';
export { requireActConsent } from './consent-guard';
export { createStationConsent } from './consent-handlers';
export { createEncounterRepository } from './encounter-repository';
export type { EncounterRepository } from './encounter-repository';
export { createEncounterService } from './encounter-service';
export { createReportPdfRepository } from './report-pdf-repository';
export type { StoredReportPdf } from './report-pdf-repository';
export { createReportPdfService } from './report-pdf-service';
export { actsHandlers } from './acts-handlers';
export { createActsFeature } from './acts-feature';
export type { ReportAudit } from './expert-report-intake';
export type { PrescriptionAudit } from './prescription-intake';
export { answerFromHub, type HubIntakeAnswer } from './act-expert-sender';
export { parseOrderEntityId } from './prescription-orders';
