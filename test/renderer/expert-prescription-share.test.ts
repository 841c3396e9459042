// The expert's signed prescription over the call (issue 21, point 5), page side, the same way as her
// report (signed-document-share.ts): her page sends what she signs and what still waits when the
// link opens; the requesting station's page hands it to its station, which checks it, and answers
// with a receipt; her station keeps the answer, except a refusal for a passing reason.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { realContext } from '../helpers/act-context';
import { AMOXICILLIN, BLOOD_TEST, signedPrescription } from '../helpers/prescriptions';
import { onSideOfCall, openedLink } from './call-fakes';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('../../src/renderer/api', () => ({ relais: { invoke, on: () => () => {} } }));

const share = await import('../../src/renderer/features/calls/expert-prescription-share');
const { useActContext } = await import('../../src/renderer/features/calls/act-context-share');
const { useSignedArrivals } = await import('../../src/renderer/features/calls/signed-arrivals');

const prescription = signedPrescription({ encounterId: realContext.act.id, lines: [AMOXICILLIN, BLOOD_TEST] });
const flush = () => new Promise((r) => setTimeout(r, 0));

const linkOpen = () => openedLink(share.prescriptionLinkOpened);

beforeEach(() => {
  invoke.mockReset();
  share.prescriptionCallEnded();
  useActContext.setState({ callId: null, context: null });
});

describe('the expert’s prescription over the call', () => {
  it('expert: sends the versions still waiting when the link opens, and each one she signs', async () => {
    onSideOfCall('expert');
    useActContext.setState({ callId: 'call-1', context: realContext });
    const delivered = signedPrescription({ encounterId: realContext.act.id });
    invoke.mockResolvedValue({
      ok: true,
      value: [
        {
          prescription: delivered,
          delivery: { state: 'delivered', via: 'call', at: '2026-12-07T09:01:00.000Z' },
          replacedBy: null,
        },
        { prescription, delivery: { state: 'pending' }, replacedBy: null },
      ],
    });
    const sent = linkOpen();
    await flush();
    expect(invoke).toHaveBeenCalledWith('remoteActs.prescriptions', { peerId: 'cart-7', actId: realContext.act.id });
    expect(sent).toEqual([{ type: 'act.prescription', prescription }]);
    expect(share.sendSignedPrescription(delivered)).toBe(true);
    share.prescriptionCallEnded();
    expect(share.sendSignedPrescription(delivered)).toBe(false);
  });

  it('requesting station: hands it to its station and answers filed, or refused with the reason’s code', async () => {
    onSideOfCall('cart');
    const sent = linkOpen();
    invoke.mockResolvedValueOnce({ ok: true, value: { prescriptionId: prescription.id, outcome: 'filed' } });
    share.onPrescriptionMessage({ type: 'act.prescription', prescription });
    await flush();
    expect(invoke).toHaveBeenCalledWith('encounters.expertPrescription', { callId: 'call-1', prescription });
    // The nurse is told it is on the act, once.
    expect(useSignedArrivals.getState().arrived).toEqual([
      { id: prescription.id, kind: 'prescription', signer: 'Anne KERLEAU' },
    ]);
    invoke.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'x',
        fields: [{ path: 'patient', code: 'prescription.patient_mismatch' }],
      },
    });
    share.onPrescriptionMessage({ type: 'act.prescription', prescription });
    await flush();
    expect(sent).toEqual([
      { type: 'act.prescription.receipt', prescriptionId: prescription.id, outcome: 'filed', reason: null },
      {
        type: 'act.prescription.receipt',
        prescriptionId: prescription.id,
        outcome: 'refused',
        reason: 'prescription.patient_mismatch',
      },
    ]);
    expect(useSignedArrivals.getState().arrived).toHaveLength(1);
    share.prescriptionCallEnded();
    expect(useSignedArrivals.getState().arrived).toEqual([]);
  });

  it('expert: a prescription sent to her is not filed; her station keeps a receipt, not a passing refusal', async () => {
    onSideOfCall('expert');
    share.onPrescriptionMessage({ type: 'act.prescription', prescription });
    invoke.mockResolvedValue({ ok: true, value: {} });
    const receipt = { type: 'act.prescription.receipt', prescriptionId: prescription.id } as const;
    share.onPrescriptionMessage({ ...receipt, outcome: 'refused', reason: 'disk_full' });
    share.onPrescriptionMessage({ ...receipt, outcome: 'refused', reason: 'prescription.patient_mismatch' });
    await flush();
    expect(invoke.mock.calls).toEqual([
      [
        'remoteActs.prescriptionDelivered',
        { prescriptionId: prescription.id, outcome: 'refused', reason: 'prescription.patient_mismatch' },
      ],
    ]);
  });
});
