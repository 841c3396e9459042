// The routing rules of the expert's prescription (issue 21, point 5): the requesting station keeps a
// signed prescription on its act only when it comes from the expert of that act (the
// hub-authenticated peer of the act's call, named as its signer), unaltered (its SHA-256 checked),
// for the act's patient (identity vigilance: the traits she prescribed for are the patient's here),
// once; anything else is refused with the reason, and both outcomes are in the audit trail.
import { describe, expect, it } from 'vitest';
import { ACT_EXPERT, useCartWithCall } from '../helpers/cart-with-call';
import { AMOXICILLIN, DRESSING, signedPrescription } from '../helpers/prescriptions';

const cartWithCall = useCartWithCall();

/** Signed by the act's expert for Jeanne Martin as the act's context showed her (names in capitals). */
const signed = (over: Parameters<typeof signedPrescription>[0] & { encounterId: string }) =>
  signedPrescription({
    patient: { birthName: 'MARTIN', usedName: 'DURAND', firstName: 'JEANNE', birthDate: '1906-12-03', sex: 'F' },
    lines: [AMOXICILLIN, DRESSING],
    author: ACT_EXPERT,
    signedAt: '2026-11-23T10:25:00.000+01:00',
    ...over,
  });

describe('a prescription signed by the expert, received by the requesting station', () => {
  it('is kept on the act from the act’s expert over the call, once, and audited', async () => {
    const { station, act, trail } = await cartWithCall();
    const prescription = signed({ encounterId: act.id });
    expect(await station.value('encounters.expertPrescription', { callId: 'call-1', prescription })).toEqual({
      prescriptionId: prescription.id,
      outcome: 'filed',
    });
    expect(await station.value('encounters.expertPrescription', { callId: 'call-1', prescription })).toEqual({
      prescriptionId: prescription.id,
      outcome: 'already_filed',
    });
    expect(await station.value('encounters.prescriptions', { id: act.id })).toEqual([prescription]);
    const events = await trail('prescription.');
    expect(events.map((e) => e.event)).toEqual(['prescription.received']);
    expect(events[0]?.detail).toContain('of 2 line(s) signed by Dr Le Goff (RPPS 10003456789)');
    expect(events[0]?.detail).toContain('from expert-legoff over the call');
  });

  it('is refused, audited and not kept from a peer who is not the act’s expert', async () => {
    const { station, act, trail } = await cartWithCall({ id: 'nurse-elsewhere', role: 'cart' });
    const answer = await station.call('encounters.expertPrescription', {
      callId: 'call-1',
      prescription: signed({ encounterId: act.id, author: { ...ACT_EXPERT, hubId: 'nurse-elsewhere' } }),
    });
    expect(!answer.ok && answer.error.code).toBe('forbidden');
    expect(await station.value('encounters.prescriptions', { id: act.id })).toEqual([]);
    const events = await trail('prescription.');
    expect(events.map((e) => e.event)).toEqual(['prescription.refused']);
    expect(events[0]?.detail).toMatch(/not the expert of this act/);
  });

  it('is refused when its signer is not the peer who sent it, or when it was altered on the way', async () => {
    const { station, act } = await cartWithCall();
    const forged = await station.call('encounters.expertPrescription', {
      callId: 'call-1',
      prescription: signed({ encounterId: act.id, author: { ...ACT_EXPERT, hubId: 'expert-someone-else' } }),
    });
    expect(!forged.ok && forged.error.code).toBe('forbidden');
    const prescription = signed({ encounterId: act.id });
    const altered = { ...prescription, lines: [{ ...prescription.lines[0]!, dose: '4 comprimés' }] };
    const answer = await station.call('encounters.expertPrescription', { callId: 'call-1', prescription: altered });
    expect(!answer.ok && answer.error.fields?.[0]?.code).toBe('prescription.hash_mismatch');
    expect(await station.value('encounters.prescriptions', { id: act.id })).toEqual([]);
  });

  it('is refused whole when written for another patient than the act’s (identity vigilance)', async () => {
    const { station, act, trail } = await cartWithCall();
    const otherPatient = signed({
      encounterId: act.id,
      patient: { birthName: 'MARTIN', usedName: null, firstName: 'JEANNE', birthDate: '1960-12-03', sex: 'F' },
    });
    const answer = await station.call('encounters.expertPrescription', {
      callId: 'call-1',
      prescription: otherPatient,
    });
    expect(!answer.ok && answer.error.fields?.[0]).toMatchObject({
      code: 'prescription.patient_mismatch',
      params: { traits: 'birthDate' },
    });
    expect(await station.value('encounters.prescriptions', { id: act.id })).toEqual([]);
    expect((await trail('prescription.')).map((e) => e.event)).toEqual(['prescription.refused']);
    // The same traits written another way (accents, case) are the same person.
    const sameTraits = signed({
      encounterId: act.id,
      patient: { birthName: 'Martin', usedName: null, firstName: 'Jéanne', birthDate: '1906-12-03', sex: 'F' },
    });
    const kept = await station.value('encounters.expertPrescription', { callId: 'call-1', prescription: sameTraits });
    expect(kept.outcome).toBe('filed');
  });

  it('takes a correction by the same physician, the first one kept, and refuses one by another', async () => {
    const { station, act } = await cartWithCall();
    const first = signed({ encounterId: act.id });
    await station.value('encounters.expertPrescription', { callId: 'call-1', prescription: first });
    const byAnother = signed({
      encounterId: act.id,
      author: { ...ACT_EXPERT, rpps: '10009999990' },
      replaces: first.id,
      correctionReason: 'Durée',
    });
    const refused = await station.call('encounters.expertPrescription', { callId: 'call-1', prescription: byAnother });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const correction = signed({
      encounterId: act.id,
      replaces: first.id,
      correctionReason: 'Durée portée à 7 jours',
      signedAt: '2026-11-23T10:40:00.000+01:00',
    });
    await station.value('encounters.expertPrescription', { callId: 'call-1', prescription: correction });
    expect((await station.value('encounters.prescriptions', { id: act.id })).map((p) => p.id)).toEqual([
      first.id,
      correction.id,
    ]);
  });

  it('refuses what is not a signed prescription, saying which field', async () => {
    const { station, act } = await cartWithCall();
    const answer = await station.call('encounters.expertPrescription', {
      callId: 'call-1',
      prescription: { ...signed({ encounterId: act.id }), lines: [] },
    });
    expect(!answer.ok && answer.error.code).toBe('validation_failed');
  });
});
