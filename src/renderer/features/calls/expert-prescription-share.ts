// The expert's signed prescription during the call (issue 21, point 5), as a signed document
// (signed-document-share.ts): filed by the requesting station through encounters.expertPrescription
// (which checks the patient's traits against the act's), its receipt kept by her station through
// remoteActs.prescriptionDelivered.
import type { SignedPrescription } from '../../../shared/acts/prescription';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { relais } from '../../api';
import { useSignedArrivals } from './signed-arrivals';
import { createSignedDocumentShare } from './signed-document-share';

type PrescriptionMessage = Extract<RemoteMessage, { type: 'act.prescription' | 'act.prescription.receipt' }>;

const share = createSignedDocumentShare<SignedPrescription>({
  idOf: (prescription) => prescription.id,
  message: (prescription) => ({ type: 'act.prescription', prescription }),
  receipt: (prescriptionId, outcome, reason) => ({ type: 'act.prescription.receipt', prescriptionId, outcome, reason }),
  async waiting(key) {
    const kept = await relais.invoke('remoteActs.prescriptions', key);
    return kept.ok ? kept.value.filter((v) => v.delivery.state === 'pending').map((v) => v.prescription) : [];
  },
  file: (callId, prescription) => relais.invoke('encounters.expertPrescription', { callId, prescription }),
  answered: (prescriptionId, outcome, reason) =>
    void relais.invoke('remoteActs.prescriptionDelivered', { prescriptionId, outcome, ...(reason ? { reason } : {}) }),
  arrived: (prescription) =>
    useSignedArrivals.getState().add({ id: prescription.id, kind: 'prescription', signer: prescription.author.name }),
});

export const sendSignedPrescription = share.sendSigned;
export const prescriptionLinkOpened = share.linkOpened;
export const prescriptionCallEnded = share.callEnded;

export function onPrescriptionMessage(message: PrescriptionMessage): void {
  if (message.type === 'act.prescription') share.onDocument(message.prescription);
  else share.onReceipt(message.prescriptionId, message.outcome, message.reason);
}
