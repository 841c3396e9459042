// The expert writes and signs her report of the cart's act on her own station (issue 21, point 4):
// her draft kept as she left it, the signature in her signed-in name and RPPS (a real OpenID
// provider shaped like Pro Santé Connect) and her hub identity, the SHA-256 computed by her
// station; the requesting station files exactly what she signed. Real hub, real stations, the
// contract the pages use. Unsigned-in, nothing is signed; a second signature is a correction, with
// its reason, by the same physician, and the first version stays on both sides.
import { describe, expect, it } from 'vitest';
import type { Station } from '../../src/main/station';
import { contractValue as value } from '../helpers/contract-value';
import { CART, DERMATOLOGY_REPORT as sections, useExpertAndCart } from '../helpers/expert-and-cart';
import { validatedIdentity } from '../helpers/identities';

const expertAndCart = useExpertAndCart();

/** A cart with its act, the expert's station (signed in or not), a call about the act, its context kept. */
async function actOnBothSides(expertSignsIn: boolean) {
  const both = await expertAndCart({ expertSignsIn });
  return { cart: both.cart.station, expert: both.expert.station, actId: both.actId, cartCallId: both.cartCallId };
}

const codeOf = async (station: Station, channel: 'remoteActs.sign', input: object) => {
  const result = await station.dispatch(channel, input);
  return result.ok ? 'ok' : (result.error.fields?.[0]?.code ?? result.error.code);
};

describe('the expert’s report, on her station', () => {
  it('is refused to a station where nobody is signed in, and says why', async () => {
    const { expert, actId } = await actOnBothSides(false);
    const sign = { peerId: CART, actId, sections, replaces: null };
    expect(await codeOf(expert, 'remoteActs.sign', sign)).toBe('sign_in_required');
    expect((await value(expert, 'remoteActs.report', { peerId: CART, actId })).signed).toEqual([]);
  });

  it('keeps her draft, signs it in her name, and the cart files exactly what she signed; a correction keeps both', async () => {
    const { cart, expert, actId, cartCallId } = await actOnBothSides(true);
    const key = { peerId: CART, actId };
    // Her worklist: the act waits for its report, from the moment its context came.
    const states = async () => (await value(expert, 'remoteActs.worklist', {})).map((i) => i.state);
    const [owed] = await value(expert, 'remoteActs.worklist', {});
    expect(owed).toMatchObject({ peerName: 'Chariot 7', actId, reason: 'Lésion pigmentée du dos', state: 'to_write' });
    expect(owed?.patient.birthName).toBe(validatedIdentity().birthName.toUpperCase());
    const draft = { ...sections, conclusion: '' };
    await value(expert, 'remoteActs.saveDraft', {
      ...key,
      template: 'dermatology',
      sections: draft,
      replaces: null,
    });
    expect((await value(expert, 'remoteActs.report', key)).draft).toMatchObject({
      template: 'dermatology',
      sections: draft,
    });
    // A report without a conclusion is a draft, not a report.
    expect(await codeOf(expert, 'remoteActs.sign', { ...key, sections: draft, replaces: null })).toBe('field.required');

    const first = await value(expert, 'remoteActs.sign', { ...key, sections, replaces: null });
    expect(first.report.author).toEqual({
      name: 'Anne KERLEAU',
      rpps: '10001234567',
      specialty: expect.any(String),
      hubId: 'dr-kerleau',
    });
    expect(first.delivery).toEqual({ state: 'pending' });
    expect(await states()).toEqual(['waiting']);
    expect((await value(expert, 'remoteActs.report', key)).draft).toBeNull();
    // A second first version is refused: a change is a correction.
    expect(await codeOf(expert, 'remoteActs.sign', { ...key, sections, replaces: null })).toBe('report.already_signed');

    // Over the call (as the cart's page passes it on), the cart files it and closes the act.
    expect(await value(cart, 'encounters.expertReport', { callId: cartCallId, report: first.report })).toEqual({
      reportId: first.report.id,
      outcome: 'filed',
    });
    const record = await value(cart, 'encounters.get', { id: actId });
    expect(record.encounter.status).toBe('closed');
    expect(record.reports[0]).toMatchObject({
      id: first.report.id,
      author: { name: 'Anne KERLEAU', rpps: '10001234567' },
    });
    const delivered = await value(expert, 'remoteActs.delivered', {
      reportId: first.report.id,
      outcome: 'filed',
    });
    expect(delivered.delivery).toMatchObject({ state: 'delivered', via: 'call' });
    expect(await states()).toEqual([]);

    // Her correction: a new version with its reason; without the reason it is refused.
    const corrected = { ...sections, conduite: 'Exérèse sous huit jours.' };
    const correction = { ...key, sections: corrected, replaces: first.report.id };
    expect(await codeOf(expert, 'remoteActs.sign', correction)).toBe('field.required');
    const second = await value(expert, 'remoteActs.sign', { ...correction, correctionReason: 'Délai raccourci' });
    expect(second.report).toMatchObject({ replaces: first.report.id, correctionReason: 'Délai raccourci' });
    expect(await value(cart, 'encounters.expertReport', { callId: cartCallId, report: second.report })).toMatchObject({
      outcome: 'filed',
    });
    const both = await value(expert, 'remoteActs.report', key);
    expect(both.signed.map((r) => [r.report.id, r.replacedBy])).toEqual([
      [first.report.id, second.report.id],
      [second.report.id, null],
    ]);
    expect((await value(cart, 'encounters.get', { id: actId })).reports.map((r) => r.id).sort()).toEqual(
      [first.report.id, second.report.id].sort(),
    );
  });
});
