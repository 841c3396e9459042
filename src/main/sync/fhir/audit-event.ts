// An audit row -> FHIR R4 AuditEvent. Type and action follow the DICOM audit vocabulary (PS3.15
// A.5) where it fits; the row's own event (contract channel or call event) is the subtype. The
// row's place in the hash chain travels as an extension, so that the region can check the chain;
// the station that recorded it is the source's observer, named as the hub knows it (its token's
// subject), so that the region takes from each token its own trail only.
import type { AuditEvent, AuditEventEntity } from '@medplum/fhirtypes';
import { AUDIT_CHAIN_EXTENSION } from '../../../shared/audit/audit-chain-link';
import { HUB_PEER_SYSTEM } from '../../../shared/region-source';
import { canonicalAuditRow, type AuditRow } from '../../audit';

export const AUDIT_SYSTEM = {
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
  event: 'urn:relais:CodeSystem:audit-event',
  entity: 'urn:relais:CodeSystem:audit-entity',
  roleType: 'http://terminology.hl7.org/CodeSystem/extra-security-role-type',
  sourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
  entityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
  objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
  originExtension: 'urn:relais:StructureDefinition:audit-origin',
  chainExtension: AUDIT_CHAIN_EXTENSION,
  // The row exactly as it was hashed: a station that lost its database takes its rows back from
  // the region, each checked against its hash (src/main/station/recovery/audit-from-region.ts).
  rowExtension: 'urn:relais:StructureDefinition:audit-row',
} as const;

const DICOM = {
  patientRecord: { code: '110110', display: 'Patient Record' },
  query: { code: '110112', display: 'Query' },
  export: { code: '110106', display: 'Export' },
  // No DICOM event is a video call or a camera handed over: the closest, application activity,
  // with the subtype saying which.
  activity: { code: '110100', display: 'Application Activity' },
  // The cart opened with a PIN or a badge, or a badge enrolled (the subtype says which).
  authentication: { code: '110114', display: 'User Authentication' },
} as const;

/** Records the station keeps under the same id as their FHIR resource: referenced, the others named by identifier. */
const SAME_ID: Record<string, string> = {
  patient: 'Patient',
  encounter: 'Encounter',
  consent: 'Consent',
  observation: 'Observation',
  report: 'DocumentReference',
};

function eventType(row: AuditRow) {
  if (row.entityType === 'station_lock') return DICOM.authentication;
  if (row.action === 'export') return DICOM.export;
  if (row.action === 'call' || row.action === 'grant' || row.action === 'execute') return DICOM.activity;
  if (row.action === 'read' && row.entityId === null) return DICOM.query;
  if (row.entityType === 'kiosk_session' || row.entityType === 'sync_conflict') return DICOM.activity;
  return DICOM.patientRecord;
}

// DICOM PS3.15: an export is a read of the data exported (EventActionCode R).
const ACTION = {
  create: 'C',
  read: 'R',
  update: 'U',
  delete: 'D',
  export: 'R',
  execute: 'E',
  call: 'E',
  grant: 'E',
} as const;

/** 0 success, 4 minor failure (refused, not found, invalid), 8 serious failure (the station failed). */
function outcome(code: string): '0' | '4' | '8' {
  if (code === 'success') return '0';
  return code === 'internal' || code === 'audit_unavailable' ? '8' : '4';
}

/** observer: the station's subject at the hub (its token's `sub`); null when it has no hub token. */
export function auditRowToFhir(row: AuditRow, observer: string | null): AuditEvent {
  const type = eventType(row);
  const websocket = /^websocket (.+)$/.exec(row.origin);
  const entities: AuditEventEntity[] = row.patientIds.map((id) => ({
    what: { reference: `Patient/${id}` },
    type: { system: AUDIT_SYSTEM.entityType, code: '1', display: 'Person' },
    role: { system: AUDIT_SYSTEM.objectRole, code: '1', display: 'Patient' },
  }));
  if (row.entityId !== null && !(row.entityType === 'patient' && row.patientIds.includes(row.entityId))) {
    const sameId = row.entityType ? SAME_ID[row.entityType] : undefined;
    entities.push({
      what: sameId
        ? { reference: `${sameId}/${row.entityId}` }
        : { identifier: { system: `${AUDIT_SYSTEM.entity}:${row.entityType ?? 'record'}`, value: row.entityId } },
      type: { system: AUDIT_SYSTEM.entityType, code: '2', display: 'System Object' },
      role: { system: AUDIT_SYSTEM.objectRole, code: '4', display: 'Domain Resource' },
      ...(row.detail ? { description: row.detail } : {}),
    });
  } else if (row.detail) {
    entities.push({
      type: { system: AUDIT_SYSTEM.entityType, code: '2', display: 'System Object' },
      description: row.detail,
    });
  }
  const station = { display: row.who };
  return {
    resourceType: 'AuditEvent',
    id: row.id,
    extension: [
      { url: AUDIT_SYSTEM.originExtension, valueString: row.origin },
      {
        url: AUDIT_SYSTEM.chainExtension,
        extension: [
          { url: 'seq', valueInteger: row.seq },
          { url: 'prevHash', valueString: row.prevHash },
          { url: 'hash', valueString: row.hash },
        ],
      },
      { url: AUDIT_SYSTEM.rowExtension, valueString: canonicalAuditRow(row) },
    ],
    type: { system: AUDIT_SYSTEM.dicom, ...type },
    subtype: [{ system: AUDIT_SYSTEM.event, code: row.event }],
    action: ACTION[row.action],
    recorded: row.at,
    outcome: outcome(row.outcome),
    ...(row.outcome !== 'success' ? { outcomeDesc: row.outcome } : {}),
    agent: [
      // The person named in the act when there is one (no login yet), else the station itself.
      row.person
        ? {
            type: { coding: [{ system: AUDIT_SYSTEM.roleType, code: 'humanuser', display: 'human user' }] },
            who: { display: row.person },
            name: row.person,
            requestor: true,
          }
        : {
            type: { coding: [{ system: AUDIT_SYSTEM.dicom, code: '110150', display: 'Application' }] },
            who: station,
            name: row.who,
            requestor: true,
            ...(websocket ? { network: { address: websocket[1], type: '2' as const } } : {}),
          },
      ...(row.person
        ? [
            {
              type: { coding: [{ system: AUDIT_SYSTEM.dicom, code: '110150', display: 'Application' }] },
              who: station,
              name: row.who,
              requestor: false,
              ...(websocket ? { network: { address: websocket[1], type: '2' as const } } : {}),
            },
          ]
        : []),
    ],
    source: {
      site: row.station,
      observer: {
        ...(observer ? { identifier: { system: HUB_PEER_SYSTEM, value: observer } } : {}),
        display: row.station,
      },
      type: [{ system: AUDIT_SYSTEM.sourceType, code: '1', display: 'User Device' }],
    },
    ...(entities.length > 0 ? { entity: entities } : {}),
  };
}
