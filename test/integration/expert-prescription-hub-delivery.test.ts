// The expert's prescription after the call (issue 21, point 5), the way her report goes: signed on
// her station while the cart is switched off, it goes to the hub (a Communication addressed to the
// cart, sent by her Practitioner), reaches the cart's act when the cart is back, and the cart's
// receipt tells her station it arrived; filed once. A prescription signed for someone else than the
// act's patient is refused (identity vigilance) and the refusal goes back to her with its rule.
// Real hub, real stations, real OpenID provider.
import { describe, expect, it } from 'vitest';
import { expertPrescriptionToCommunication, receiptIdOf } from '../../src/main/sync/fhir/signed-document-message';
import { prescriptionLineId } from '../../src/main/sync/fhir/prescription';
import { contractValue as value } from '../helpers/contract-value';
import { CART, EXPERT, FAST_SYNC, hubGet, tokenFor, useExpertAndCart } from '../helpers/expert-and-cart';
import { AMOXICILLIN, BLOOD_TEST, signedPrescription } from '../helpers/prescriptions';

const expertAndCart = useExpertAndCart();

describe('the expert’s prescription through the hub, after the call', () => {
  it('reaches the cart’s act when the cart is back, says so on her station, and is filed once', async () => {
    const { hub, cart, expert, actId } = await expertAndCart({ expertSignsIn: true, syncTiming: FAST_SYNC });
    await cart.close();
    const signed = await value(expert.station, 'remoteActs.signPrescription', {
      peerId: CART,
      actId,
      lines: [AMOXICILLIN, BLOOD_TEST],
      replaces: null,
    });
    const id = signed.prescription.id;

    // At the hub: addressed to the cart, sent by her Practitioner; nobody else reads it.
    await expect
      .poll(async () => (await hubGet(hub.fhirUrl, EXPERT, 'expert', `/Communication/${id}`)).status, {
        timeout: 10_000,
      })
      .toBe(200);
    const sent = (await hubGet(hub.fhirUrl, CART, 'station', `/Communication/${id}`)).json!;
    expect(sent.category[0].coding[0].code).toBe('expert-prescription');
    expect(sent.sender).toMatchObject({ display: 'Anne KERLEAU', identifier: { value: '810001234567' } });
    expect(sent.recipient).toEqual([{ identifier: { system: 'urn:relais:peer', value: CART } }]);
    expect((await hubGet(hub.fhirUrl, 'cart-9', 'station', `/Communication/${id}`)).status).toBe(404);

    // The cart is back: the prescription is on the act, exactly as she signed it.
    const back = cart.open();
    await expect
      .poll(async () => (await value(back.station, 'encounters.prescriptions', { id: actId })).map((p) => p.id), {
        timeout: 10_000,
      })
      .toEqual([id]);
    expect((await value(back.station, 'encounters.prescriptions', { id: actId }))[0]).toEqual(signed.prescription);

    // Her station reads the cart's receipt: delivered through the hub.
    await expect
      .poll(
        async () => (await value(expert.station, 'remoteActs.prescriptions', { peerId: CART, actId }))[0]?.delivery,
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({ state: 'delivered', via: 'hub' });

    // The cart's sync sends its orders to the region, requested by her Practitioner, for the act.
    const order = async (type: string, index: number) =>
      (await hubGet(hub.fhirUrl, CART, 'station', `/${type}/${prescriptionLineId(id, index)}`)).json;
    await expect.poll(async () => (await order('MedicationRequest', 0))?.status, { timeout: 10_000 }).toBe('active');
    expect(await order('MedicationRequest', 0)).toMatchObject({
      medicationCodeableConcept: { text: AMOXICILLIN.name },
      requester: { identifier: { value: '810001234567' } },
      encounter: { reference: `Encounter/${actId}` },
      substitution: { allowedBoolean: true },
    });
    await expect
      .poll(async () => (await order('ServiceRequest', 1))?.code?.text, { timeout: 10_000 })
      .toBe(BLOOD_TEST.text);

    // Over the call again and more pulls: still one prescription on the act.
    const record = await value(back.station, 'encounters.get', { id: actId });
    const again = await value(back.station, 'encounters.expertPrescription', {
      callId: record.encounter.callId!,
      prescription: signed.prescription,
    });
    expect(again.outcome).toBe('already_filed');
    await new Promise((r) => setTimeout(r, 600));
    expect(await value(back.station, 'encounters.prescriptions', { id: actId })).toHaveLength(1);

    // Her correction withdraws the first version's orders at the region; the new ones are active.
    const correction = await value(expert.station, 'remoteActs.signPrescription', {
      peerId: CART,
      actId,
      lines: [{ ...AMOXICILLIN, duration: '10 jours' }],
      replaces: id,
      correctionReason: 'Durée portée à 10 jours',
    });
    await expect.poll(async () => (await order('MedicationRequest', 0))?.status, { timeout: 10_000 }).toBe('cancelled');
    expect((await order('ServiceRequest', 1))?.status).toBe('revoked');
    const corrected = `/MedicationRequest/${prescriptionLineId(correction.prescription.id, 0)}`;
    await expect
      .poll(async () => (await hubGet(hub.fhirUrl, CART, 'station', corrected)).json?.status, { timeout: 10_000 })
      .toBe('active');
    await back.close();
  });

  it('refuses a prescription signed for another patient, and tells her why through the hub', async () => {
    const { hub, cart, actId } = await expertAndCart({ expertSignsIn: false, syncTiming: FAST_SYNC });
    // Signed by the act's expert, but for a namesake born another day: never put on this act.
    const prescription = signedPrescription({
      encounterId: actId,
      patient: { birthName: 'LE BIHAN', usedName: null, firstName: 'YVONNE', birthDate: '1952-06-03', sex: 'F' },
      lines: [AMOXICILLIN],
    });
    const put = await fetch(`${hub.fhirUrl}/Communication/${prescription.id}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${tokenFor(EXPERT, 'expert', 'Anne KERLEAU')}`,
        'Content-Type': 'application/fhir+json',
      },
      body: JSON.stringify(expertPrescriptionToCommunication(prescription, CART)),
    });
    expect([200, 201]).toContain(put.status);
    const receiptPath = `/Communication/${receiptIdOf('prescription', prescription.id)}`;
    await expect
      .poll(
        async () => (await hubGet(hub.fhirUrl, EXPERT, 'expert', receiptPath)).json?.category?.[0]?.coding?.[0]?.code,
        {
          timeout: 10_000,
        },
      )
      .toBe('expert-prescription-refused');
    const receipt = (await hubGet(hub.fhirUrl, EXPERT, 'expert', receiptPath)).json!;
    expect(receipt.payload[0].contentString).toContain('prescription.patient_mismatch');
    expect(await value(cart.station, 'encounters.prescriptions', { id: actId })).toEqual([]);
  });
});
