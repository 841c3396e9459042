// The remote acts' contract handlers: keep a context received over a call, list and read them; and
// her report of each: read, draft, sign, and what the requesting station answered; her prescriptions.
import type { Handlers } from '../../shared/contract';
import type { createRemoteActService } from './remote-act-service';
import type { RemoteReportService } from './remote-report-service';
import type { RemotePrescriptionService } from './remote-prescription-service';

export const remoteActsHandlers = (
  service: ReturnType<typeof createRemoteActService>,
  reports: RemoteReportService,
  prescriptions: RemotePrescriptionService,
): Partial<Handlers> => ({
  'remoteActs.keep': (input) => service.keep(input),
  'remoteActs.list': ({ limit }) => service.list(limit),
  'remoteActs.get': ({ peerId, actId }) => service.get(peerId, actId),
  'remoteActs.report': (key) => reports.report(key),
  'remoteActs.saveDraft': (input) => reports.saveDraft(input),
  'remoteActs.sign': (input) => reports.sign(input),
  'remoteActs.delivered': ({ reportId: id, ...answer }) => reports.delivered({ id, ...answer }),
  'remoteActs.worklist': ({ limit }) => reports.worklist(limit),
  'remoteActs.prescriptions': (key) => prescriptions.prescriptions(key),
  'remoteActs.signPrescription': (input) => prescriptions.sign(input),
  'remoteActs.prescriptionDelivered': ({ prescriptionId: id, ...answer }) => prescriptions.delivered({ id, ...answer }),
});
