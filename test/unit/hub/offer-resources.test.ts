// An offer as FHIR R4 resources and back (issue 22, point 1): what the hub stores for the
// coordinator's offer says everything the offer says (round trip), in valid R4, with the
// specialty coded in the ANS's TRE_R38 and the hours in availableTime.
import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../../src/hub/fhir-endpoint';
import {
  healthcareServiceOf,
  OFFER_EXTENSIONS,
  offerFrom,
  practitionerRolesOf,
  SPECIALTY_SYSTEM,
} from '../../../src/hub/scheduling/offer-resources';
import { HUB_PEER_SYSTEM } from '../../../src/shared/region-source';
import { OfferSchema, type Offer } from '../../../src/shared/scheduling/offer';

const STROKE: Offer = OfferSchema.parse({
  id: 'neuro-avc-29',
  specialty: 'Neurologie',
  specialtyCode: 'SM32',
  hospital: 'CHU de Brest',
  commune: '29019',
  acts: ['teleconsultation', 'teleexpertise'],
  hours: { alwaysOpen: true, rules: [], holidays: 'open', region: 'national' },
  experts: [
    { id: 'dr-kerleau', name: 'Anne KERLEAU' },
    { id: 'dr-le-gall', name: 'Yann LE GALL' },
  ],
  openToSpecialty: false,
  urgent: true,
  rota: {
    weekly: [
      { days: [1, 2, 3, 4, 5], from: '08:00', to: '20:00', experts: ['dr-kerleau', 'dr-le-gall'] },
      { days: [6, 7], from: '00:00', to: '24:00', experts: ['dr-le-gall'] },
    ],
    exceptions: [
      {
        id: 'conge-kerleau',
        from: '2027-03-15T08:00:00+01:00',
        to: '2027-03-20T08:00:00+01:00',
        experts: ['dr-le-gall'],
        note: 'congé',
      },
      { id: 'echange', from: '2027-04-01T20:00:00+02:00', to: '2027-04-02T08:00:00+02:00', experts: ['dr-kerleau'] },
    ],
    holidays: 'sunday',
    escalateAfterSeconds: 45,
  },
});

const DERMATOLOGY: Offer = OfferSchema.parse({
  id: 'dermato-te',
  specialty: 'dermatologie',
  hospital: 'CH de Morlaix',
  acts: ['teleexpertise'],
  hours: {
    alwaysOpen: false,
    rules: [
      { days: [1, 2, 4], from: '09:00', to: '12:30' },
      { days: [5], from: '14:00', to: '24:00' },
    ],
    holidays: 'closed',
    region: 'alsace-moselle',
  },
  experts: [],
});

const errorsOf = (resource: Resource) =>
  validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');

beforeAll(() => loadDefinitions());

describe('an offer as HealthcareService and PractitionerRoles', () => {
  it.each([
    ['an urgent offer with a rota', STROKE],
    ['an offer with hours, closed on holidays, no expert named', DERMATOLOGY],
  ])('comes back the same from its resources: %s', (_what, offer) => {
    expect(offerFrom(healthcareServiceOf(offer), practitionerRolesOf(offer))).toEqual(offer);
  });

  it('passes the R4 validation the hub’s endpoint applies', () => {
    for (const offer of [STROKE, DERMATOLOGY]) {
      expect(errorsOf(healthcareServiceOf(offer))).toEqual([]);
      for (const role of practitionerRolesOf(offer)) expect(errorsOf(role)).toEqual([]);
    }
  });

  it('says the specialty, hospital, act types and hours in R4’s own elements', () => {
    const service = healthcareServiceOf(STROKE);
    expect(service).toMatchObject({
      id: 'neuro-avc-29',
      active: true,
      providedBy: { display: 'CHU de Brest' },
      specialty: [{ coding: [{ system: SPECIALTY_SYSTEM, code: 'SM32', display: 'Neurologie' }], text: 'Neurologie' }],
      availableTime: [{ allDay: true, daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }],
    });
    expect(service.type?.map((t) => t.coding?.[0]?.code)).toEqual(['teleconsultation', 'teleexpertise']);
    expect(service.extension?.find((e) => e.url === OFFER_EXTENSIONS.urgent)?.valueBoolean).toBe(true);
    // A rule until midnight: FHIR's time stops at 23:59:59.
    expect(healthcareServiceOf(DERMATOLOGY).availableTime).toEqual([
      { daysOfWeek: ['mon', 'tue', 'thu'], availableStartTime: '09:00:00', availableEndTime: '12:30:00' },
      { daysOfWeek: ['fri'], availableStartTime: '14:00:00', availableEndTime: '23:59:59' },
    ]);
  });

  it('names each expert by her hub identity and the offer’s words for her, pointing at the offer', () => {
    const [first, second] = practitionerRolesOf(STROKE);
    expect(first).toMatchObject({
      active: true,
      practitioner: { identifier: { system: HUB_PEER_SYSTEM, value: 'dr-kerleau' }, display: 'Anne KERLEAU' },
      healthcareService: [{ reference: 'HealthcareService/neuro-avc-29' }],
    });
    expect(second?.practitioner?.identifier?.value).toBe('dr-le-gall');
    expect(first?.id).not.toBe(second?.id);
  });

  it('keeps the experts in the offer’s order whatever order the roles come in, and leaves out inactive ones', () => {
    const [first, second] = practitionerRolesOf(STROKE);
    const back = offerFrom(healthcareServiceOf(STROKE), [second!, first!]);
    expect(back.experts.map((e) => e.id)).toEqual(['dr-kerleau', 'dr-le-gall']);
    const without = offerFrom(healthcareServiceOf(STROKE), [first!, { ...second!, active: false }]);
    expect(without.experts.map((e) => e.id)).toEqual(['dr-kerleau']);
  });

  it('refuses a HealthcareService it cannot read as an offer, rather than guessing', () => {
    const { providedBy: _gone, ...withoutHospital } = healthcareServiceOf(DERMATOLOGY);
    expect(() => offerFrom(withoutHospital, [])).toThrow();
  });
});
