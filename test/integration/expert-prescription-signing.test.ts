// The expert signs her prescription of the cart's act on her own station (issue 21, point 5): in
// her signed-in name and RPPS (a real OpenID provider shaped like Pro Santé Connect) and her hub
// identity, for the patient of the act's context (never typed), the SHA-256 computed by her
// station; the cart keeps exactly what she signed. Unsigned-in, nothing is signed; what the cart
// would refuse (EFG for an adult) is not signed; a correction needs its reason and keeps the first.
import { describe, expect, it } from 'vitest';
import type { PrescriptionLine } from '../../src/shared/acts/prescription';
import type { Station } from '../../src/main/station';
import { contractValue as value } from '../helpers/contract-value';
import { CART, useExpertAndCart } from '../helpers/expert-and-cart';
import { AMOXICILLIN } from '../helpers/prescriptions';

const expertAndCart = useExpertAndCart();

const amoxicillin = AMOXICILLIN;
const nursing: PrescriptionLine = { kind: 'nursing', text: 'Pansement du dos tous les 2 jours.' };

const codeOf = async (station: Station, input: object) => {
  const result = await station.dispatch('remoteActs.signPrescription', input);
  return result.ok ? 'ok' : (result.error.fields?.[0]?.code ?? result.error.code);
};

describe('the expert’s prescription, on her station', () => {
  it('is refused to a station where nobody is signed in', async () => {
    const { expert, actId } = await expertAndCart({ expertSignsIn: false });
    expect(await codeOf(expert.station, { peerId: CART, actId, lines: [amoxicillin], replaces: null })).toBe(
      'sign_in_required',
    );
    expect(await value(expert.station, 'remoteActs.prescriptions', { peerId: CART, actId })).toEqual([]);
  });

  it('is signed in her name for the patient she saw, and the cart keeps exactly that; a correction keeps both', async () => {
    const { cart, expert, actId, cartCallId } = await expertAndCart({ expertSignsIn: true });
    const key = { peerId: CART, actId };
    // EFG is for a child under six: the cart would refuse it for this patient, so it is not signed.
    const efg = { ...amoxicillin, nonSubstitutable: 'EFG' as const };
    expect(await codeOf(expert.station, { ...key, lines: [efg], replaces: null })).toBe('prescription.efg_child_only');
    const first = await value(expert.station, 'remoteActs.signPrescription', {
      ...key,
      lines: [amoxicillin, nursing],
      replaces: null,
    });
    expect(first.prescription.author).toMatchObject({ name: 'Anne KERLEAU', rpps: '10001234567', hubId: 'dr-kerleau' });
    // The patient is the act's, as its context showed her: the same traits the cart holds.
    const record = await value(cart.station, 'encounters.get', { id: actId });
    const patient = await value(cart.station, 'patients.get', { id: record.encounter.patientId });
    expect(first.prescription.patient).toEqual({
      birthName: patient.birthName,
      usedName: patient.usedName,
      firstName: patient.firstName,
      birthDate: patient.birthDate,
      sex: patient.sex,
    });
    expect(first.delivery).toEqual({ state: 'pending' });

    // Over the call (as the cart's page passes it on), the cart keeps exactly what she signed.
    expect(
      await value(cart.station, 'encounters.expertPrescription', {
        callId: cartCallId,
        prescription: first.prescription,
      }),
    ).toEqual({ prescriptionId: first.prescription.id, outcome: 'filed' });
    expect(await value(cart.station, 'encounters.prescriptions', { id: actId })).toEqual([first.prescription]);
    // What the cart answered (its page passes the receipt on) is kept on her station; the first answer stays.
    const delivered = await value(expert.station, 'remoteActs.prescriptionDelivered', {
      prescriptionId: first.prescription.id,
      outcome: 'filed',
    });
    expect(delivered.delivery).toMatchObject({ state: 'delivered', via: 'call' });
    const again = await value(expert.station, 'remoteActs.prescriptionDelivered', {
      prescriptionId: first.prescription.id,
      outcome: 'refused',
      reason: 'prescription.patient_mismatch',
    });
    expect(again.delivery).toEqual(delivered.delivery);
    const unknown = await expert.station.dispatch('remoteActs.prescriptionDelivered', {
      prescriptionId: actId,
      outcome: 'filed',
    });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');

    // A correction: its reason first; then a new version, the first one kept and marked.
    const correction = {
      ...key,
      lines: [{ ...amoxicillin, duration: '10 jours' }, nursing],
      replaces: first.prescription.id,
    };
    expect(await codeOf(expert.station, correction)).toBe('field.required');
    const second = await value(expert.station, 'remoteActs.signPrescription', {
      ...correction,
      correctionReason: 'Durée portée à 10 jours',
    });
    expect(second.prescription).toMatchObject({
      replaces: first.prescription.id,
      correctionReason: 'Durée portée à 10 jours',
    });
    const versions = await value(expert.station, 'remoteActs.prescriptions', key);
    expect(versions.map((v) => [v.prescription.id, v.replacedBy])).toEqual([
      [first.prescription.id, second.prescription.id],
      [second.prescription.id, null],
    ]);
    expect(await codeOf(expert.station, { ...correction, correctionReason: 'encore' })).toBe(
      'prescription.already_replaced',
    );
  });
});
