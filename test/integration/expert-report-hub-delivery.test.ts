// The expert's report after the call (issue 21, point 4): signed on her station once the call is
// over, while the cart is switched off, it goes to the hub (a Communication addressed to the cart,
// sent by her Practitioner), reaches the cart's act when the cart is back, and the cart's receipt
// tells her station it arrived. Nothing twice: a report delivered over the call and again through
// the hub is filed once, and later pulls change nothing. A report from anyone but the act's expert
// is refused, and the refusal goes back to its writer. Real hub, real stations, real OpenID provider.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expertReportContent, type SignedExpertReport } from '../../src/shared/acts/expert-report';
import { expertReportToCommunication, receiptIdOf } from '../../src/main/sync/fhir/signed-document-message';
import { contractValue as value } from '../helpers/contract-value';
import {
  CART,
  DERMATOLOGY_REPORT,
  EXPERT,
  FAST_SYNC,
  hubGet,
  tokenFor,
  useExpertAndCart,
} from '../helpers/expert-and-cart';
import { stationDatabase } from '../helpers/station-database';

const expertAndCart = useExpertAndCart();

describe('the expert’s report through the hub, after the call', () => {
  it('reaches the cart’s act when the cart is back, says so on her station, and is filed once', async () => {
    const { hub, cart, expert, actId } = await expertAndCart({ expertSignsIn: true, syncTiming: FAST_SYNC });
    const cartDir = cart.dataDir;
    // The call is over and the cart is switched off: she writes and signs her report afterwards.
    await cart.close();
    const signed = await value(expert.station, 'remoteActs.sign', {
      peerId: CART,
      actId,
      sections: DERMATOLOGY_REPORT,
      replaces: null,
    });
    const reportId = signed.report.id;
    expect(signed.delivery).toEqual({ state: 'pending' });

    // At the hub: a Communication addressed to the cart, sent by her Practitioner (IdNatPS).
    await expect
      .poll(async () => (await hubGet(hub.fhirUrl, EXPERT, 'expert', `/Communication/${reportId}`)).status, {
        timeout: 10_000,
      })
      .toBe(200);
    const sent = (await hubGet(hub.fhirUrl, CART, 'station', `/Communication/${reportId}`)).json!;
    expect(sent.sender).toMatchObject({
      display: 'Anne KERLEAU',
      identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810001234567' },
    });
    expect(sent.recipient).toEqual([{ identifier: { system: 'urn:relais:peer', value: CART } }]);
    expect(sent.meta.source).toBe(`urn:relais:peer:${EXPERT}`);
    const practitioners = await hubGet(
      hub.fhirUrl,
      EXPERT,
      'expert',
      `/Practitioner?identifier=${encodeURIComponent('urn:oid:1.2.250.1.71.4.2.1|810001234567')}`,
    );
    expect(practitioners.json?.entry).toHaveLength(1);
    // Nobody else reads it.
    expect((await hubGet(hub.fhirUrl, 'cart-9', 'station', `/Communication/${reportId}`)).status).toBe(404);

    // The cart is back: its act closes with her report, signed by her.
    const back = cart.open();
    await expect
      .poll(async () => (await value(back.station, 'encounters.get', { id: actId })).encounter.status, {
        timeout: 10_000,
      })
      .toBe('closed');
    const record = await value(back.station, 'encounters.get', { id: actId });
    expect(record.reports).toHaveLength(1);
    expect(record.reports[0]).toMatchObject({ id: reportId, author: { name: 'Anne KERLEAU', rpps: '10001234567' } });

    // Her station reads the cart's receipt: delivered through the hub.
    await expect
      .poll(
        async () => (await value(expert.station, 'remoteActs.report', { peerId: CART, actId })).signed[0]?.delivery,
        { timeout: 10_000 },
      )
      .toMatchObject({ state: 'delivered', via: 'hub' });
    expect((await value(expert.station, 'remoteActs.worklist', {})).map((i) => i.actId)).not.toContain(actId);

    // Over the call again (a page that resends it), and more pulls: still one report, one receipt.
    const again = await value(back.station, 'encounters.expertReport', {
      callId: record.encounter.callId!,
      report: signed.report,
    });
    expect(again.outcome).toBe('already_filed');
    await new Promise((r) => setTimeout(r, 600));
    expect((await value(back.station, 'encounters.get', { id: actId })).reports).toHaveLength(1);
    await back.close();
    const db = stationDatabase(cartDir);
    expect(db.prepare('SELECT count(*) AS n FROM report_receipts').get()).toEqual({ n: 1 });
    db.close();
  });

  it('refuses a report for the act from another expert, and tells her through the hub', async () => {
    const { hub, cart, actId } = await expertAndCart({ expertSignsIn: false, syncTiming: FAST_SYNC });
    const other = { name: 'Dr Autre', rpps: '10009999990', specialty: 'dermatologie', hubId: 'dr-autre' };
    const body: Omit<SignedExpertReport, 'sha256'> = {
      id: randomUUID(),
      encounterId: actId,
      sections: DERMATOLOGY_REPORT,
      author: other,
      signedAt: new Date().toISOString(),
      replaces: null,
      correctionReason: null,
    };
    const report = { ...body, sha256: createHash('sha256').update(expertReportContent(body)).digest('hex') };
    const put = await fetch(`${hub.fhirUrl}/Communication/${report.id}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${tokenFor('dr-autre', 'expert', 'Dr Autre')}`,
        'Content-Type': 'application/fhir+json',
      },
      body: JSON.stringify(expertReportToCommunication(report, CART)),
    });
    expect([200, 201]).toContain(put.status);
    // Her refusal comes back to her, with the rule that refused it; the act is not closed.
    await expect
      .poll(
        async () =>
          (await hubGet(hub.fhirUrl, 'dr-autre', 'expert', `/Communication/${receiptIdOf('report', report.id)}`)).json
            ?.category?.[0]?.coding?.[0]?.code,
        { timeout: 10_000 },
      )
      .toBe('expert-report-refused');
    const record = await value(cart.station, 'encounters.get', { id: actId });
    expect(record.reports).toEqual([]);
    expect(record.encounter.status).not.toBe('closed');
  });
});
