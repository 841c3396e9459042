// The remote-acts feature's public face: the acts of other stations the expert took part in. What the
// composition (station.ts) and the other features may import from it; the rest of the folder is the
// feature's own (lint: relais/boundaries).
export { createRemoteActRepository } from './remote-act-repository';
export type { RemoteActRepository } from './remote-act-repository';
export { createRemoteActsFeature } from './remote-acts-feature';
export { reportSigner } from './report-signer';
export type { RemoteReportService } from './remote-report-service';
export type { RemoteReportRepository } from './remote-report-repository';
export type { RemotePrescriptionRepository } from './remote-prescription-repository';
