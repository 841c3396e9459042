// An offer of the region as FHIR R4 resources, both ways (issue 22, point 1): one HealthcareService
// (id = the offer's id) and one PractitionerRole per expert serving it. What R4 says natively is
// said natively: the specialty coded in the ANS's TRE_R38, the hospital as providedBy, the act
// types as type codings, the opening hours as availableTime (allDay for an always-open offer);
// what R4 has no element for (the public holidays' policy and region, urgent, open to the
// specialty, the commune, the on-call rota) goes into the project's extensions. Pure: the offer
// store (offer-store.ts) writes and reads what this makes; offer-resources.test.ts checks the
// round trip and the R4 validation.
import { createHash } from 'node:crypto';
import type {
  Extension,
  HealthcareService,
  HealthcareServiceAvailableTime,
  PractitionerRole,
} from '@medplum/fhirtypes';
import type { ActType } from '../../shared/acts/act-type';
import { HUB_PEER_SYSTEM } from '../../shared/region-source';
import { OfferSchema, type Offer } from '../../shared/scheduling/offer';
import type { OpeningHours } from '../../shared/scheduling/opening-hours';
import type { Rota } from '../../shared/scheduling/rota';

/** The ANS's table of medical specialties (TRE_R38-SpecialiteOrdinale), as its FHIR CodeSystem. */
export const SPECIALTY_SYSTEM =
  'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';
/** The act types of telemedicine: the system the station's sync uses (src/main/sync/fhir/systems.ts). */
export const ACT_TYPE_SYSTEM = 'urn:relais:CodeSystem:telemedicine-act';

const EXTENSION = 'urn:relais:StructureDefinition:offer-';
export const OFFER_EXTENSIONS = {
  holidays: `${EXTENSION}holidays`,
  holidayRegion: `${EXTENSION}holiday-region`,
  urgent: `${EXTENSION}urgent`,
  openToSpecialty: `${EXTENSION}open-to-specialty`,
  commune: `${EXTENSION}commune`,
  rota: `${EXTENSION}rota`,
  /** On a PractitionerRole: the expert's place in the offer's list (0 first). */
  expertRank: `${EXTENSION}expert-rank`,
} as const;

const ACT_NAMES: Record<ActType, string> = {
  teleconsultation: 'Téléconsultation',
  teleexpertise: 'Téléexpertise',
  telesurveillance: 'Télésurveillance',
  teleassistance: 'Téléassistance',
};

type Day = NonNullable<HealthcareServiceAvailableTime['daysOfWeek']>[number];
const DAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// FHIR's time stops at 23:59:59; an offer's rule may end at 24:00 (until midnight).
const END_OF_DAY = '23:59:59';
const fhirTime = (time: string) => (time === '24:00' ? END_OF_DAY : `${time}:00`);
const offerTime = (time: string) => (time === END_OF_DAY ? '24:00' : time.slice(0, 5));

/** The PractitionerRole's id of an expert serving an offer: stable, so that a new version replaces it. */
export function practitionerRoleId(offerId: string, expertId: string): string {
  return createHash('sha256').update(`${offerId}\n${expertId}`).digest('hex').slice(0, 40);
}

function availableTime(hours: OpeningHours): HealthcareServiceAvailableTime[] {
  const always: HealthcareServiceAvailableTime[] = hours.alwaysOpen ? [{ daysOfWeek: [...DAYS], allDay: true }] : [];
  return [
    ...always,
    ...hours.rules.map((rule) => ({
      daysOfWeek: rule.days.map((d) => DAYS[d - 1]!),
      availableStartTime: fhirTime(rule.from),
      availableEndTime: fhirTime(rule.to),
    })),
  ];
}

const sub = (url: string, value: Omit<Extension, 'url'>): Extension => ({ url, ...value });

function rotaExtension(rota: Rota): Extension {
  return {
    url: OFFER_EXTENSIONS.rota,
    extension: [
      sub('holidays', { valueCode: rota.holidays }),
      sub('escalateAfterSeconds', { valueInteger: rota.escalateAfterSeconds }),
      ...rota.weekly.map((line) =>
        sub('weekly', {
          extension: [
            ...line.days.map((d) => sub('day', { valueInteger: d })),
            sub('from', { valueString: line.from }),
            sub('to', { valueString: line.to }),
            ...line.experts.map((e) => sub('expert', { valueString: e })),
          ],
        }),
      ),
      ...rota.exceptions.map((exception) =>
        sub('exception', {
          extension: [
            sub('id', { valueString: exception.id }),
            sub('from', { valueDateTime: exception.from }),
            sub('to', { valueDateTime: exception.to }),
            ...exception.experts.map((e) => sub('expert', { valueString: e })),
            // FHIR strings are never empty: no note, no element.
            ...(exception.note ? [sub('note', { valueString: exception.note })] : []),
          ],
        }),
      ),
    ],
  };
}

/** The offer's HealthcareService; active unless withdrawn. */
export function healthcareServiceOf(offer: Offer, active = true): HealthcareService {
  const specialty = {
    ...(offer.specialtyCode
      ? { coding: [{ system: SPECIALTY_SYSTEM, code: offer.specialtyCode, display: offer.specialty }] }
      : {}),
    text: offer.specialty,
  };
  return {
    resourceType: 'HealthcareService',
    id: offer.id,
    active,
    name: `${offer.specialty} — ${offer.hospital}`,
    providedBy: { display: offer.hospital },
    specialty: [specialty],
    type: offer.acts.map((act) => ({ coding: [{ system: ACT_TYPE_SYSTEM, code: act, display: ACT_NAMES[act] }] })),
    availableTime: availableTime(offer.hours),
    ...(offer.hours.holidays === 'closed'
      ? { availabilityExceptions: 'Fermé les jours fériés' }
      : { availabilityExceptions: 'Ouvert les jours fériés' }),
    extension: [
      sub(OFFER_EXTENSIONS.holidays, { valueCode: offer.hours.holidays }),
      sub(OFFER_EXTENSIONS.holidayRegion, { valueCode: offer.hours.region }),
      sub(OFFER_EXTENSIONS.urgent, { valueBoolean: offer.urgent }),
      sub(OFFER_EXTENSIONS.openToSpecialty, { valueBoolean: offer.openToSpecialty }),
      ...(offer.commune ? [sub(OFFER_EXTENSIONS.commune, { valueCode: offer.commune })] : []),
      ...(offer.rota ? [rotaExtension(offer.rota)] : []),
    ],
  };
}

/** One PractitionerRole per expert named in the offer, in its order. */
export function practitionerRolesOf(offer: Offer, active = true): PractitionerRole[] {
  return offer.experts.map((expert, rank) => ({
    resourceType: 'PractitionerRole',
    id: practitionerRoleId(offer.id, expert.id),
    active,
    practitioner: { identifier: { system: HUB_PEER_SYSTEM, value: expert.id }, display: expert.name },
    healthcareService: [{ reference: `HealthcareService/${offer.id}` }],
    ...(offer.specialtyCode
      ? { specialty: [{ coding: [{ system: SPECIALTY_SYSTEM, code: offer.specialtyCode, display: offer.specialty }] }] }
      : {}),
    extension: [sub(OFFER_EXTENSIONS.expertRank, { valueInteger: rank })],
  }));
}

/** A PractitionerRole no longer serving its offer (an expert taken off it, or the offer withdrawn). */
export const inactive = (role: PractitionerRole): PractitionerRole => ({ ...role, active: false });

const find = (extensions: Extension[] | undefined, url: string) => extensions?.find((e) => e.url === url);
const all = (extensions: Extension[] | undefined, url: string) => extensions?.filter((e) => e.url === url) ?? [];
const strings = (extensions: Extension[] | undefined, url: string) =>
  all(extensions, url).map((e) => e.valueString ?? '');

function rotaFrom(extension: Extension): Rota {
  const parts = extension.extension;
  return {
    holidays: find(parts, 'holidays')?.valueCode as Rota['holidays'],
    escalateAfterSeconds: find(parts, 'escalateAfterSeconds')?.valueInteger as number,
    weekly: all(parts, 'weekly').map((line) => ({
      days: all(line.extension, 'day').map((d) => d.valueInteger as number),
      from: find(line.extension, 'from')?.valueString as string,
      to: find(line.extension, 'to')?.valueString as string,
      experts: strings(line.extension, 'expert'),
    })),
    exceptions: all(parts, 'exception').map((exception) => ({
      id: find(exception.extension, 'id')?.valueString as string,
      from: find(exception.extension, 'from')?.valueDateTime as string,
      to: find(exception.extension, 'to')?.valueDateTime as string,
      experts: strings(exception.extension, 'expert'),
      note: find(exception.extension, 'note')?.valueString ?? '',
    })),
  };
}

const rankOf = (role: PractitionerRole) =>
  find(role.extension, OFFER_EXTENSIONS.expertRank)?.valueInteger ?? Number.MAX_SAFE_INTEGER;

/**
 * The offer a HealthcareService and its active PractitionerRoles say, checked by the offer's own
 * schema: a resource the hub did not write (or a mapping gone wrong) throws, never becomes a
 * half-read offer in the directory.
 */
export function offerFrom(service: HealthcareService, roles: PractitionerRole[]): Offer {
  const extensions = service.extension;
  const specialty = service.specialty?.[0];
  const rota = find(extensions, OFFER_EXTENSIONS.rota);
  const times = service.availableTime ?? [];
  const commune = find(extensions, OFFER_EXTENSIONS.commune)?.valueCode;
  const serving = roles
    .filter(
      (r) => r.active !== false && r.healthcareService?.some((s) => s.reference === `HealthcareService/${service.id}`),
    )
    .sort((a, b) => rankOf(a) - rankOf(b));
  return OfferSchema.parse({
    id: service.id,
    specialty: specialty?.text ?? specialty?.coding?.[0]?.display,
    specialtyCode: specialty?.coding?.find((c) => c.system === SPECIALTY_SYSTEM)?.code ?? null,
    hospital: service.providedBy?.display,
    ...(commune ? { commune } : {}),
    acts: (service.type ?? []).map((t) => t.coding?.find((c) => c.system === ACT_TYPE_SYSTEM)?.code),
    hours: {
      alwaysOpen: times.some((t) => t.allDay === true),
      rules: times
        .filter((t) => t.allDay !== true)
        .map((t) => ({
          days: (t.daysOfWeek ?? []).map((d) => DAYS.indexOf(d) + 1),
          from: offerTime(t.availableStartTime ?? ''),
          to: offerTime(t.availableEndTime ?? ''),
        })),
      holidays: find(extensions, OFFER_EXTENSIONS.holidays)?.valueCode,
      region: find(extensions, OFFER_EXTENSIONS.holidayRegion)?.valueCode,
    },
    experts: serving.map((r) => ({ id: r.practitioner?.identifier?.value, name: r.practitioner?.display })),
    openToSpecialty: find(extensions, OFFER_EXTENSIONS.openToSpecialty)?.valueBoolean,
    urgent: find(extensions, OFFER_EXTENSIONS.urgent)?.valueBoolean,
    rota: rota ? rotaFrom(rota) : null,
  });
}
