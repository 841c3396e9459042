// A document the expert signs, during the call (issue 21, points 4 and 5): her report and her
// prescriptions go the same way. Her page sends each version she signs for the call's act, and
// again each version still waiting when the link opens (a reconnection, the next call about the
// act); the requesting station's page hands it to its station (which checks the sender against the
// call, the patient and the SHA-256) and answers with a receipt, which her station keeps. After the
// call the hub carries it (main/sync/addressed-pull.ts). A document filed twice is filed once.
import { FINAL_REFUSAL_CODES } from '../../../shared/calls/report-messages';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import type { AppError } from '../../../shared/result';
import { useCalls } from '../../webrtc/call-store';
import { useActContext, whenActArrives } from './act-context-share';
import { useSignedArrivals } from './signed-arrivals';

export type Outcome = 'filed' | 'already_filed' | 'refused';
type Filed = { ok: true; value: { outcome: 'filed' | 'already_filed' } } | { ok: false; error: AppError };

/** How one kind of signed document travels: its messages, and its station's channels on each side. */
export interface SignedDocumentWays<D> {
  idOf(document: D): string;
  message(document: D): RemoteMessage;
  receipt(id: string, outcome: Outcome, reason: string | null): RemoteMessage;
  /** Expert: the versions of the act the requesting station has not acknowledged yet. */
  waiting(key: { peerId: string; actId: string }): Promise<D[]>;
  /** Requesting station: files it through its station, which checks it. */
  file(callId: string, document: D): Promise<Filed>;
  /** Expert: her station keeps what the requesting station answered. */
  answered(id: string, outcome: Outcome, reason: string | null): void;
  /** Requesting station: its station filed it now (not again): the nurse is told. */
  arrived(document: D): void;
}

/** A refusal the same document would meet again: its rule (a field's code) or a final error's code. */
export const finalRefusal = (reason: string | null) =>
  reason === null || reason.includes('.') || FINAL_REFUSAL_CODES.includes(reason);

export function createSignedDocumentShare<D>(ways: SignedDocumentWays<D>) {
  let send: ((message: RemoteMessage) => boolean) | null = null;

  async function sendWaiting(): Promise<void> {
    const { call, hub } = useCalls.getState();
    const context = useActContext.getState().context;
    if (!call || hub.you?.role !== 'expert' || !context) return;
    const waiting = await ways.waiting({ peerId: call.remote.id, actId: context.act.id });
    for (const document of waiting) send?.(ways.message(document));
  }
  // The act's context arrived after the link opened: the versions waiting for it can go.
  whenActArrives(() => void sendWaiting());

  async function file(callId: string, document: D): Promise<void> {
    const filed = await ways.file(callId, document);
    const id = ways.idOf(document);
    if (filed.ok && filed.value.outcome === 'filed') ways.arrived(document);
    send?.(
      filed.ok
        ? ways.receipt(id, filed.value.outcome, null)
        : ways.receipt(id, 'refused', (filed.error.fields?.[0]?.code ?? filed.error.code).slice(0, 200)),
    );
  }

  return {
    /** Expert: a version she just signed goes to the requesting station now, if the link is open. */
    sendSigned: (document: D): boolean => send?.(ways.message(document)) ?? false,
    linkOpened(sender: (message: RemoteMessage) => boolean): void {
      send = sender;
      void sendWaiting();
    },
    callEnded(): void {
      send = null;
      useSignedArrivals.getState().clear();
    },
    /** Requesting station: a document came from the call's expert. */
    onDocument(document: D): void {
      const { call, hub } = useCalls.getState();
      // SECURITY: the page only passes it on; the station files it only if the call's expert, as
      // the hub named her for this call, signed it unaltered for this act's patient.
      if (!call || hub.you?.role === 'expert' || call.remote.role !== 'expert') return;
      void file(call.callId, document);
    },
    /** Expert: what the requesting station answered. */
    onReceipt(id: string, outcome: Outcome, reason: string | null): void {
      const { call, hub } = useCalls.getState();
      if (!call || hub.you?.role !== 'expert') return;
      // A refusal for a passing reason (its disk full, its database held) is not final: the version
      // stays waiting and goes again at the next link.
      if (outcome === 'refused' && !finalRefusal(reason)) return;
      ways.answered(id, outcome, reason);
    },
  };
}
