// The expert's signed report during the call (issue 21, point 4), as a signed document
// (signed-document-share.ts): filed by the requesting station through encounters.expertReport, its
// receipt kept by her station through remoteActs.delivered.
import type { SignedExpertReport } from '../../../shared/acts/expert-report';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { relais } from '../../api';
import { useSignedArrivals } from './signed-arrivals';
import { createSignedDocumentShare } from './signed-document-share';

type ReportMessage = Extract<RemoteMessage, { type: 'act.report' | 'act.report.receipt' }>;

const share = createSignedDocumentShare<SignedExpertReport>({
  idOf: (report) => report.id,
  message: (report) => ({ type: 'act.report', report }),
  receipt: (reportId, outcome, reason) => ({ type: 'act.report.receipt', reportId, outcome, reason }),
  async waiting(key) {
    const kept = await relais.invoke('remoteActs.report', key);
    return kept.ok ? kept.value.signed.filter((v) => v.delivery.state === 'pending').map((v) => v.report) : [];
  },
  file: (callId, report) => relais.invoke('encounters.expertReport', { callId, report }),
  answered: (reportId, outcome, reason) =>
    void relais.invoke('remoteActs.delivered', { reportId, outcome, ...(reason ? { reason } : {}) }),
  arrived: (report) => useSignedArrivals.getState().add({ id: report.id, kind: 'report', signer: report.author.name }),
});

export const sendSignedReport = share.sendSigned;
export const reportLinkOpened = share.linkOpened;
export const reportCallEnded = share.callEnded;

export function onReportMessage(message: ReportMessage): void {
  if (message.type === 'act.report') share.onDocument(message.report);
  else share.onReceipt(message.reportId, message.outcome, message.reason);
}
