// The hub's rules for messages one station addresses to another by hub subject (issue 21, point 4):
// the expert's signed report after the call and the requesting station's receipt for it. Only an
// expert sends a report, only a station answers one; each names exactly one recipient; its writer
// and that recipient read it, nobody else (not another cart, not another expert); the writer the
// stations trust is the hub's stamp (meta.source), never the body's.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STATION_MESSAGE_SYSTEM, type AddressedKind } from '../../src/shared/addressed-message';
import { HUB_PEER_SYSTEM } from '../../src/shared/region-source';
import { fhir, put, useAuthorisationHub, who, type Who } from '../helpers/hub-authorisation';

useAuthorisationHub();

function addressed(kind: AddressedKind, recipients: string[], extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Communication',
    id: randomUUID(),
    status: 'completed',
    category: [{ coding: [{ system: STATION_MESSAGE_SYSTEM, code: kind }] }],
    recipient: recipients.map((value) => ({ identifier: { system: HUB_PEER_SYSTEM, value } })),
    meta: { source: 'urn:relais:peer:someone-else' },
    payload: [{ contentString: kind }],
    ...extra,
  };
}
const readers = async (rid: string) => {
  const can: Who[] = [];
  for (const w of Object.keys(who) as Who[])
    if ((await fhir(w, 'GET', `/Communication/${rid}`)).status === 200) can.push(w);
  return can;
};

describe('messages addressed through the hub', () => {
  it('a report from an expert to one cart: read by both of them only, its writer stamped by the hub', async () => {
    const report = addressed('expert-report', [who.cartA.sub]);
    expect([200, 201]).toContain((await put('derm', report)).status);
    expect(await readers(report.id)).toEqual(['cartA', 'derm']);
    const stored = await fhir('cartA', 'GET', `/Communication/${report.id}`);
    expect(stored.json?.meta?.source).toBe(`urn:relais:peer:${who.derm.sub}`);
    // Found by the cart's search for its messages, not by another cart's.
    const search = `/Communication?category=${encodeURIComponent(`${STATION_MESSAGE_SYSTEM}|expert-report`)}`;
    const ids = async (w: Who) =>
      ((await fhir(w, 'GET', search)).json?.entry ?? []).map((e: { resource: { id: string } }) => e.resource.id);
    expect(await ids('cartA')).toContain(report.id);
    expect(await ids('cartB')).not.toContain(report.id);
    expect(await ids('neuro')).not.toContain(report.id);
  });

  it('the cart answers with a receipt the expert reads; another cart cannot answer for it', async () => {
    const report = addressed('expert-report', [who.cartA.sub]);
    expect([200, 201]).toContain((await put('derm', report)).status);
    const receipt = () =>
      addressed('expert-report-filed', [who.derm.sub], {
        inResponseTo: [{ reference: `Communication/${report.id}` }],
      });
    const fromA = receipt();
    expect([200, 201]).toContain((await put('cartA', fromA)).status);
    expect(await readers(fromA.id)).toEqual(['cartA', 'derm']);
    // Cart B cannot point at a report it cannot read.
    const fromB = receipt();
    expect((await put('cartB', fromB)).status).toBe(403);
    expect((await fhir('cartB', 'GET', `/Communication/${fromB.id}`)).status).toBe(404);
  });

  it('a prescription from an expert to one cart is read by both only; the cart answers it, an expert cannot', async () => {
    const prescription = addressed('expert-prescription', [who.cartA.sub]);
    expect([200, 201]).toContain((await put('derm', prescription)).status);
    expect(await readers(prescription.id)).toEqual(['cartA', 'derm']);
    const filed = addressed('expert-prescription-filed', [who.derm.sub]);
    expect([200, 201]).toContain((await put('cartA', filed)).status);
    expect(await readers(filed.id)).toEqual(['cartA', 'derm']);
    expect((await put('derm', addressed('expert-prescription-refused', [who.cartA.sub]))).status).toBe(403);
  });

  it.each([
    { name: 'a cart sends a report', w: 'cartA' as Who, message: () => addressed('expert-report', [who.cartB.sub]) },
    {
      name: 'a cart sends a prescription',
      w: 'cartA' as Who,
      message: () => addressed('expert-prescription', [who.cartB.sub]),
    },
    {
      name: 'an expert sends a receipt',
      w: 'derm' as Who,
      message: () => addressed('expert-report-refused', [who.cartA.sub]),
    },
    { name: 'a report names no recipient', w: 'derm' as Who, message: () => addressed('expert-report', []) },
    {
      name: 'a report names two recipients',
      w: 'derm' as Who,
      message: () => addressed('expert-report', [who.cartA.sub, who.cartB.sub]),
    },
    {
      name: 'a report is addressed to its writer',
      w: 'derm' as Who,
      message: () => addressed('expert-report', [who.derm.sub]),
    },
    {
      name: 'a recipient is named by another system',
      w: 'derm' as Who,
      message: () => ({
        ...addressed('expert-report', []),
        recipient: [{ identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: who.cartA.sub } }],
      }),
    },
  ])('refused (403) when $name, and nothing is stored', async ({ w, message }) => {
    const m = message();
    expect((await put(w, m)).status).toBe(403);
    expect((await fhir(w, 'GET', `/Communication/${m.id}`)).status).toBe(404);
  });
});
