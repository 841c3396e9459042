// Encounter -> FHIR R4 Encounter: class VR (virtual), the French act type, the requester and
// the expert as participants (identified by IdNatPS when their RPPS is known), the reason, the
// period, and the call journal's id kept as an identifier. The act's own status, "assisted" and
// the site's commune travel in local extensions, so that the way back loses nothing.
//
// encounterFromFhir takes a change made on the server into the station's act: the fields a
// regional team may correct (status, period, expert, reason, specialty, site), never the patient
// the act belongs to.
import type { Encounter as FhirEncounter, EncounterParticipant } from '@medplum/fhirtypes';
import {
  ActTypeSchema,
  EncounterStatusSchema,
  type Encounter,
  type EncounterStatus,
  type Professional,
} from '../../../shared/acts/encounter';
import { OptionalCommuneCodeSchema } from '../../../shared/patients/patient';
import { FhirMappingError } from './mapping-error';
import { professionalReference } from './practitioner';
import { EXTENSION, SYSTEM, uuidIdentifier } from './systems';

const ACT_DISPLAY = {
  teleconsultation: 'Téléconsultation',
  teleexpertise: 'Téléexpertise',
  telesurveillance: 'Télésurveillance',
  teleassistance: 'Téléassistance',
} as const;

function status(e: Encounter): FhirEncounter['status'] {
  if (e.status === 'draft') return 'planned';
  if (e.status === 'in_progress') return 'in-progress';
  // Closed without ever starting: a cancelled act.
  if (e.status === 'closed' && e.startedAt === null) return 'cancelled';
  return 'finished';
}

function participant(p: Professional, code: 'REF' | 'CON' | 'PPRF'): EncounterParticipant {
  return {
    type: [{ coding: [{ system: SYSTEM.participationType, code }] }],
    individual: professionalReference(p),
  };
}

export function encounterToFhir(e: Encounter): FhirEncounter {
  const participants = [participant(e.requester, 'REF')];
  if (e.expert) participants.push(participant(e.expert, 'CON'));
  const period = e.startedAt ? { start: e.startedAt, ...(e.endedAt ? { end: e.endedAt } : {}) } : undefined;
  return {
    resourceType: 'Encounter',
    id: e.id,
    extension: [
      { url: EXTENSION.actStatus, valueCode: e.status },
      { url: EXTENSION.actAssisted, valueBoolean: e.assisted },
      ...(e.siteCommune ? [{ url: EXTENSION.actSiteCommune, valueCode: e.siteCommune }] : []),
    ],
    identifier: [uuidIdentifier(e.id)],
    status: status(e),
    class: { system: SYSTEM.actCode, code: 'VR', display: 'virtual' },
    type: [
      {
        coding: [{ system: SYSTEM.actType, code: e.act, display: ACT_DISPLAY[e.act] }],
        text: `${ACT_DISPLAY[e.act]}${e.assisted ? ' assistée' : ''}`,
      },
    ],
    ...(e.specialty ? { serviceType: { text: e.specialty } } : {}),
    subject: { reference: `Patient/${e.patientId}` },
    ...(e.act === 'teleexpertise' ? { basedOn: [{ reference: `ServiceRequest/${e.id}` }] } : {}),
    participant: participants,
    ...(period ? { period } : {}),
    reasonCode: [{ text: e.reason }],
    serviceProvider: { display: e.site },
  };
}

/** The FHIR statuses each local one may be sent as; the first is the one taken when only FHIR's is known. */
const LOCAL_STATUS: Record<FhirEncounter['status'], EncounterStatus | null> = {
  planned: 'draft',
  arrived: 'in_progress',
  triaged: 'in_progress',
  'in-progress': 'in_progress',
  onleave: 'in_progress',
  finished: 'closed',
  cancelled: 'closed',
  'entered-in-error': null,
  unknown: null,
};

function localStatus(resource: FhirEncounter): EncounterStatus | null {
  const ours = EncounterStatusSchema.safeParse(
    resource.extension?.find((x) => x.url === EXTENSION.actStatus)?.valueCode,
  );
  // Our extension is believed only while it agrees with the FHIR status (another system may
  // have changed the status and left our extension behind).
  if (
    ours.success &&
    status({ status: ours.data, startedAt: resource.period?.start ?? null } as Encounter) === resource.status
  )
    return ours.data;
  return LOCAL_STATUS[resource.status] ?? null;
}

function professionalFrom(p: EncounterParticipant | undefined, previous: Professional | null): Professional | null {
  const name = p?.individual?.display?.trim();
  if (!p || !name) return null;
  const idNatPs = p.individual?.identifier?.system === SYSTEM.idNatPs ? p.individual.identifier.value : undefined;
  const rpps = idNatPs && /^8\d{11}$/.test(idNatPs) ? idNatPs.slice(1) : null;
  // FHIR's participant has no role or specialty: kept from the station's record when it is the same person.
  const same = previous && (previous.name === name || (rpps !== null && previous.rpps === rpps));
  return { name, role: same ? previous.role : 'physician', rpps, specialty: same ? previous.specialty : null };
}

export function encounterFromFhir(resource: FhirEncounter, current: Encounter): Encounter {
  const problems: string[] = [];
  if (resource.subject?.reference !== `Patient/${current.patientId}`) {
    problems.push(
      `the act now names another patient (${resource.subject?.reference ?? 'none'}); moving an act between patients is done with the regional identity team`,
    );
  }
  const nextStatus = localStatus(resource);
  if (!nextStatus) problems.push(`the status "${resource.status}" has no equivalent here`);
  const act = ActTypeSchema.safeParse(
    resource.type?.flatMap((t) => t.coding ?? []).find((c) => c.system === SYSTEM.actType)?.code,
  );
  if (!act.success) problems.push('the act type (téléconsultation, téléexpertise...) is missing');
  const reason = resource.reasonCode?.[0]?.text?.trim();
  if (!reason) problems.push('the reason is missing');
  if (problems.length > 0) throw new FhirMappingError('Encounter', problems);
  const expert = professionalFrom(
    resource.participant?.find((p) => p.type?.some((t) => t.coding?.some((c) => c.code === 'CON'))),
    current.expert,
  );
  const assisted = resource.extension?.find((x) => x.url === EXTENSION.actAssisted)?.valueBoolean;
  return {
    ...current,
    act: act.data!,
    assisted: assisted ?? current.assisted,
    status: nextStatus!,
    startedAt: resource.period?.start ?? null,
    endedAt: resource.period?.end ?? null,
    reason: reason!,
    expert,
    specialty: resource.serviceType?.text?.trim() || null,
    site: resource.serviceProvider?.display?.trim() || current.site,
    siteCommune: OptionalCommuneCodeSchema.catch(current.siteCommune).parse(
      resource.extension?.find((x) => x.url === EXTENSION.actSiteCommune)?.valueCode ?? current.siteCommune,
    ),
  };
}
