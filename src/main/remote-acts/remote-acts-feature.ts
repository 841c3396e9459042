// The remote-acts feature as the station composes it: on the expert's station, the acts of other
// stations she took part in, from the contexts received over the calls, and the reports she
// writes and signs for them, and her prescriptions (issue 21).
import type { StationPlatform } from '../platform/station-platform';
import { createRemoteActRepository } from './remote-act-repository';
import { createRemoteActService, type RemoteActServiceDeps } from './remote-act-service';
import { remoteActsHandlers } from './remote-acts-handlers';
import { createRemoteReportRepository } from './remote-report-repository';
import { createRemoteReportService, type RemoteReportServiceDeps } from './remote-report-service';
import { createRemotePrescriptionRepository } from './remote-prescription-repository';
import { createRemotePrescriptionService } from './remote-prescription-service';
import { deliveryMarks } from './signed-delivery';

export interface RemoteActsFeatureDeps {
  remoteOfCall: RemoteActServiceDeps['remoteOfCall'];
  expert: RemoteActServiceDeps['expert'];
  reportSigner: RemoteReportServiceDeps['signer'];
}

export function createRemoteActsFeature(platform: StationPlatform, deps: RemoteActsFeatureDeps) {
  const repository = createRemoteActRepository(platform.db);
  const service = createRemoteActService({ db: platform.db, repository, ...deps, now: platform.now });
  const reportRepository = createRemoteReportRepository(platform.db);
  const reports = createRemoteReportService({
    db: platform.db,
    acts: repository,
    reports: reportRepository,
    marks: deliveryMarks(platform.db, 'remote_reports'),
    signer: deps.reportSigner,
    outbox: platform.outbox,
    now: platform.now,
    log: (event, detail) => platform.logger.warn(event, detail),
    changed: (peerId, actId) => platform.events.emit('remoteActs.reportChanged', { peerId, actId }),
  });
  const prescriptionRepository = createRemotePrescriptionRepository(platform.db);
  const prescriptions = createRemotePrescriptionService({
    db: platform.db,
    acts: repository,
    prescriptions: prescriptionRepository,
    outbox: platform.outbox,
    marks: deliveryMarks(platform.db, 'remote_prescriptions'),
    signer: deps.reportSigner,
    now: platform.now,
    log: (event, detail) => platform.logger.warn(event, detail),
    changed: (peerId, actId) => platform.events.emit('remoteActs.reportChanged', { peerId, actId }),
  });
  return {
    repository,
    service,
    reportRepository,
    reports,
    prescriptionRepository,
    prescriptions,
    handlers: remoteActsHandlers(service, reports, prescriptions),
  };
}
