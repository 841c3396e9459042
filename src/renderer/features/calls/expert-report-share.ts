// The expert's signed report during the call (issue 21, point 4). Her page sends each version she
// signs for the call's act, and again each version still waiting when the link opens (a
// reconnection, the next call about the act); the requesting station's page hands it to its station
// (encounters.expertReport, which checks the sender against the call and the SHA-256) and answers
// with a receipt, which her station keeps (remoteActs.delivered). After the call the hub carries it
// (main/sync/addressed-pull.ts). A report filed twice is filed once.
import type { SignedExpertReport } from '../../../shared/acts/expert-report';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useActContext, whenActArrives } from './act-context-share';

type ReportMessage = Extract<RemoteMessage, { type: 'act.report' | 'act.report.receipt' }>;

let send: ((message: RemoteMessage) => boolean) | null = null;

/** Expert: a version she just signed goes to the requesting station now, if the link is open. */
export function sendSignedReport(report: SignedExpertReport): boolean {
  return send?.({ type: 'act.report', report }) ?? false;
}

/** Expert: the versions of the call's act that the requesting station has not acknowledged yet. */
async function sendWaiting(): Promise<void> {
  const { call, hub } = useCalls.getState();
  const context = useActContext.getState().context;
  if (!call || hub.you?.role !== 'expert' || !context) return;
  const kept = await relais.invoke('remoteActs.report', { peerId: call.remote.id, actId: context.act.id });
  if (!kept.ok) return;
  for (const version of kept.value.signed) if (version.delivery.state === 'pending') sendSignedReport(version.report);
}

export function reportLinkOpened(sender: (message: RemoteMessage) => boolean): void {
  send = sender;
  void sendWaiting();
}

// The act's context arrived after the link opened: the versions waiting for it can go.
whenActArrives(() => void sendWaiting());

/** Requesting station: files the report through its station and says what became of it. */
async function fileReport(callId: string, report: SignedExpertReport): Promise<void> {
  const filed = await relais.invoke('encounters.expertReport', { callId, report });
  const receipt: RemoteMessage = filed.ok
    ? { type: 'act.report.receipt', reportId: report.id, outcome: filed.value.outcome, reason: null }
    : {
        type: 'act.report.receipt',
        reportId: report.id,
        outcome: 'refused',
        reason: (filed.error.fields?.[0]?.code ?? filed.error.code).slice(0, 200),
      };
  send?.(receipt);
}

/** A refusal the same report would meet again: its rule (a field's code) or who sent it. */
const finalRefusal = (reason: string | null) =>
  reason === null || reason.includes('.') || ['forbidden', 'validation_failed', 'not_found'].includes(reason);

export function onReportMessage(message: ReportMessage): void {
  const { call, hub } = useCalls.getState();
  if (!call) return;
  // SECURITY: the page only passes the report on; the station files it only if the call's expert,
  // as the hub named her for this call, signed it unaltered (expert-report-intake.ts).
  if (message.type === 'act.report') {
    if (hub.you?.role === 'expert' || call.remote.role !== 'expert') return;
    void fileReport(call.callId, message.report);
    return;
  }
  if (hub.you?.role !== 'expert') return;
  // A refusal for a passing reason (its disk full, its database held) is not final: the version
  // stays waiting and goes again at the next link.
  if (message.outcome === 'refused' && !finalRefusal(message.reason)) return;
  void relais.invoke('remoteActs.delivered', {
    reportId: message.reportId,
    outcome: message.outcome,
    ...(message.reason ? { reason: message.reason } : {}),
  });
}

export function reportCallEnded(): void {
  send = null;
}
