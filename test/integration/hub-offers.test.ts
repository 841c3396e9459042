// The region's offers on the hub (issue 22, point 1): the coordinator publishes and withdraws
// them over the hub's WebSocket, every connected peer is sent the new directory, and the offers
// are the hub's FHIR HealthcareService and PractitionerRole resources, which every token reads
// and nobody writes over FHIR. The coordinator is nobody's to call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import type { Offer } from '../../src/shared/hub-protocol';
import { HUB_PEER_SYSTEM } from '../../src/shared/region-source';
import { connectToHub } from '../helpers/hub-peer';
import { anOffer } from '../helpers/offers';

const SECRET = 'offers-hub-secret';
const SPECIALTY_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';
const STROKE = anOffer({
  id: 'neuro-avc',
  specialty: 'Neurologie',
  specialtyCode: 'SM32',
  hospital: 'CHU de Rennes',
  experts: [{ id: 'dr-neuro', name: 'Anne KERLEAU' }],
  urgent: true,
});
const DERMATOLOGY = anOffer({
  id: 'dermato-te',
  specialty: 'Dermatologie',
  specialtyCode: 'SM15',
  hospital: 'CH de Morlaix',
  acts: ['teleexpertise', 'teleconsultation'],
  hours: {
    alwaysOpen: false,
    rules: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:30' }],
    holidays: 'closed',
    region: 'national',
  },
  experts: [
    { id: 'dr-derm', name: 'Marie LE BRIS' },
    { id: 'dr-derm-2', name: 'Paul TANGUY' },
  ],
});

let hub: RunningHub;
const sockets: WebSocket[] = [];
beforeEach(async () => {
  hub = await startHub({ secret: SECRET, turnSecret: 'coturn-secret', turnUrls: [], offers: [STROKE] });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await hub.close();
});

const tokenOf = (sub: string, role: NewClaims['role']) =>
  issueToken(SECRET, {
    sub,
    role,
    name: sub,
    site: 'Bretagne',
    specialty: role === 'expert' ? 'neurologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });
const peer = async (sub: string, role: NewClaims['role']) => {
  const connected = await connectToHub(hub.url, tokenOf(sub, role), sockets);
  await connected.next('welcome');
  return connected;
};

async function fhir(method: string, path: string, sub = 'cart-1', role: NewClaims['role'] = 'station', body?: unknown) {
  const response = await fetch(`${hub.fhirUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokenOf(sub, role)}`, 'Content-Type': 'application/fhir+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}
const entries = async (path: string, sub?: string, role?: NewClaims['role']) =>
  ((await fhir('GET', path, sub, role)).json.entry ?? []).map((e: { resource: any }) => e.resource);

describe('publishing offers', () => {
  it('the coordinator’s offer reaches the directory of every connected peer, herself included', async () => {
    const cart = await peer('cart-1', 'station');
    const expert = await peer('dr-derm', 'expert');
    const coordinator = await peer('coord-bzh', 'coordinator');
    coordinator.send({ type: 'offer.publish', offer: DERMATOLOGY });
    for (const connected of [cart, expert, coordinator])
      expect((await connected.next('directory')).offers).toEqual([STROKE, DERMATOLOGY]);
    // A peer that asks later is given the same directory.
    const late = await peer('cart-2', 'station');
    late.send({ type: 'directory.get' });
    expect((await late.next('directory')).offers).toEqual([STROKE, DERMATOLOGY]);
  });

  it('refuses a publication or a withdrawal by a station or an expert, and changes nothing', async () => {
    const cart = await peer('cart-1', 'station');
    const expert = await peer('dr-neuro', 'expert');
    for (const someone of [cart, expert]) {
      someone.send({ type: 'offer.publish', offer: DERMATOLOGY });
      const refused = await someone.next('error');
      expect(refused.code).toBe('not_allowed');
      expect(refused.message).toMatch(/Only the region’s coordinator publishes or withdraws offers/);
      someone.send({ type: 'offer.withdraw', offerId: 'neuro-avc' });
      expect((await someone.next('error')).code).toBe('not_allowed');
    }
    cart.send({ type: 'directory.get' });
    expect((await cart.next('directory')).offers).toEqual([STROKE]);
    expect(await entries('/HealthcareService')).toHaveLength(1);
  });

  it('refuses an offer that names an expert twice, saying whom', async () => {
    const coordinator = await peer('coord-bzh', 'coordinator');
    const twice = { ...DERMATOLOGY, experts: [...DERMATOLOGY.experts, DERMATOLOGY.experts[0]!] };
    coordinator.send({ type: 'offer.publish', offer: twice });
    expect(await coordinator.next('error')).toEqual({
      type: 'error',
      code: 'invalid_message',
      message: 'The offer names the expert dr-derm twice: name her once.',
    });
    expect(await entries('/HealthcareService')).toHaveLength(1);
  });

  it('a new version replaces the offer in place; an expert taken off it keeps her PractitionerRole, inactive', async () => {
    const coordinator = await peer('coord-bzh', 'coordinator');
    coordinator.send({ type: 'offer.publish', offer: DERMATOLOGY });
    await coordinator.next('directory');
    const changed: Offer = { ...DERMATOLOGY, hospital: 'CHU de Brest', experts: [DERMATOLOGY.experts[1]!] };
    coordinator.send({ type: 'offer.publish', offer: changed });
    expect((await coordinator.next('directory')).offers).toEqual([STROKE, changed]);
    const roles = await entries('/PractitionerRole?service=HealthcareService/dermato-te');
    expect(roles.map((r: any) => [r.practitioner.identifier.value, r.active]).sort()).toEqual([
      ['dr-derm', false],
      ['dr-derm-2', true],
    ]);
    expect((await fhir('GET', '/HealthcareService/dermato-te')).json.providedBy).toEqual({ display: 'CHU de Brest' });
  });

  it('withdraws an offer: inactive on FHIR, gone from every directory; an unknown id is said so', async () => {
    const cart = await peer('cart-1', 'station');
    const coordinator = await peer('coord-bzh', 'coordinator');
    coordinator.send({ type: 'offer.withdraw', offerId: 'neuro-avc' });
    expect((await cart.next('directory')).offers).toEqual([]);
    expect((await coordinator.next('directory')).offers).toEqual([]);
    const service = await fhir('GET', '/HealthcareService/neuro-avc');
    expect(service.json).toMatchObject({ resourceType: 'HealthcareService', active: false });
    expect((await entries('/PractitionerRole')).map((r: any) => r.active)).toEqual([false]);

    coordinator.send({ type: 'offer.withdraw', offerId: 'neuro-avc' });
    const unknown = await coordinator.next('error');
    expect(unknown).toMatchObject({ code: 'unknown_offer' });
    expect(unknown.message).toContain('neuro-avc');
    cart.send({ type: 'offer.duty', offerId: 'neuro-avc' });
    expect((await cart.next('error')).code).toBe('unknown_offer');
    // Published again, it is back.
    coordinator.send({ type: 'offer.publish', offer: STROKE });
    expect((await cart.next('directory')).offers).toEqual([STROKE]);
  });
});

describe('the offers on the hub’s FHIR endpoint', () => {
  it('every token reads them: HealthcareService with its specialty code and hours, PractitionerRole per expert', async () => {
    const coordinator = await peer('coord-bzh', 'coordinator');
    coordinator.send({ type: 'offer.publish', offer: DERMATOLOGY });
    await coordinator.next('directory');
    for (const [sub, role] of [
      ['cart-1', 'station'],
      ['dr-neuro', 'expert'],
    ] as const) {
      const services = await entries('/HealthcareService?specialty=SM15', sub, role);
      expect(services).toHaveLength(1);
      expect(services[0]).toMatchObject({
        id: 'dermato-te',
        active: true,
        providedBy: { display: 'CH de Morlaix' },
        specialty: [{ coding: [{ system: SPECIALTY_SYSTEM, code: 'SM15', display: 'Dermatologie' }] }],
        availableTime: [
          {
            daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
            availableStartTime: '09:00:00',
            availableEndTime: '17:30:00',
          },
        ],
      });
      const roles = await entries('/PractitionerRole?service=HealthcareService/dermato-te', sub, role);
      expect(roles.map((r: any) => r.practitioner)).toEqual([
        { identifier: { system: HUB_PEER_SYSTEM, value: 'dr-derm' }, display: 'Marie LE BRIS' },
        { identifier: { system: HUB_PEER_SYSTEM, value: 'dr-derm-2' }, display: 'Paul TANGUY' },
      ]);
    }
    const stroke = await fhir('GET', '/HealthcareService/neuro-avc');
    expect(stroke.json.availableTime).toEqual([
      { daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: true },
    ]);
  });

  it('refuses to write them over FHIR, saying who publishes them', async () => {
    const service = (await fhir('GET', '/HealthcareService/neuro-avc')).json;
    for (const [sub, role] of [
      ['cart-1', 'station'],
      ['dr-neuro', 'expert'],
      ['coord-bzh', 'coordinator'],
    ] as const) {
      const put = await fhir('PUT', '/HealthcareService/neuro-avc', sub, role, { ...service, active: false });
      expect(put.status).toBe(403);
      expect(put.json.issue[0].details.text).toBe(
        'Offers are published by the region’s coordinator through the hub (offer.publish), not written over FHIR.',
      );
    }
    const post = await fhir('POST', '/PractitionerRole', 'cart-1', 'station', {
      resourceType: 'PractitionerRole',
      active: true,
      healthcareService: [{ reference: 'HealthcareService/neuro-avc' }],
    });
    expect(post.status).toBe(403);
    expect((await fhir('GET', '/HealthcareService/neuro-avc')).json.active).toBe(true);
  });

  it('lets the coordinator’s token write nothing else over FHIR either: she keeps no patient’s record', async () => {
    const patient = { resourceType: 'Patient', id: 'p-1', name: [{ family: 'MARTIN', given: ['Jeanne'] }] };
    const put = await fhir('PUT', '/Patient/p-1', 'coord-bzh', 'coordinator', patient);
    expect(put.status).toBe(403);
    expect(put.json.issue[0].details.text).toContain('A coordinator’s token writes only her own audit trail');
    expect((await fhir('PUT', '/Patient/p-1', 'cart-1', 'station', patient)).status).toBeLessThan(300);
  });

  it('says so in its CapabilityStatement', async () => {
    const { json } = await fhir('GET', '/metadata');
    const service = json.rest[0].resource.find((r: { type: string }) => r.type === 'HealthcareService');
    expect(service.interaction.map((i: { code: string }) => i.code).sort()).toEqual([
      'history-instance',
      'read',
      'search-type',
      'vread',
    ]);
    expect(service.documentation).toContain('published by the region’s coordinator');
    expect(json.rest[0].resource.map((r: { type: string }) => r.type)).toContain('PractitionerRole');
  });
});

describe('the coordinator', () => {
  it('is not in presence, cannot be rung and rings nobody', async () => {
    const coordinator = await connectToHub(hub.url, tokenOf('coord-bzh', 'coordinator'), sockets);
    expect((await coordinator.next('welcome')).you.role).toBe('coordinator');
    const cartConnection = await connectToHub(hub.url, tokenOf('cart-1', 'station'), sockets);
    expect((await cartConnection.next('welcome')).peers.map((p) => p.id)).toEqual(['cart-1']);
    await peer('dr-neuro', 'expert');
    const presence = await cartConnection.next('presence.changed', (m) => m.peers.some((p) => p.id === 'dr-neuro'));
    expect(presence.peers.map((p) => p.id)).not.toContain('coord-bzh');

    cartConnection.send({ type: 'call.ring', to: 'coord-bzh', reason: 'AVC ?', urgent: true });
    const refused = await cartConnection.next('error');
    expect(refused).toMatchObject({ code: 'not_allowed' });
    expect(refused.message).toContain('never rung');
    coordinator.send({ type: 'call.ring', to: 'dr-neuro' });
    expect((await coordinator.next('error')).code).toBe('not_allowed');
    expect(coordinator.inbox.some((m) => m.type === 'call.ringing')).toBe(false);
    expect(cartConnection.inbox.some((m) => m.type === 'call.ringing')).toBe(false);
  });
});
