// The station's records as the FHIR resources they are sent as, by outbox entity name: one
// place for the push (what to send), the pull (is the server's copy already ours?) and the
// settling of conflicts (the station's side).
import type { SignedPrescription } from '../../shared/acts/prescription';
import type { Resource } from '@medplum/fhirtypes';
import type { EncounterRepository } from '../acts';
import type { ImagingRepository } from '../imaging';
import type { PatientRepository } from '../patients';
import type { StoredReportPdf } from '../acts';
import type { TeleexpertiseRepository } from '../teleexpertise';
import type { RemotePrescriptionRepository, RemoteReportRepository } from '../remote-acts';
import type { AuditRow } from '../audit';
import { parseChatEntityId } from './chat-entity';
import { auditRowToFhir } from './fhir/audit-event';
import { chatResourceId } from './fhir/communication';
import { messageToCommunication } from './fhir/expertise-message';
import { expertPrescriptionToCommunication, expertReportToCommunication } from './fhir/signed-document-message';
import { consentToFhir } from './fhir/consent';
import { encounterToFhir } from './fhir/encounter';
import { imagingStudyResourceId, imagingStudyToFhir } from './fhir/imaging-study';
import { observationToFhir } from './fhir/observation';
import { patientToFhir } from './fhir/patient';
import { prescriptionLineId, prescriptionToFhir } from './fhir/prescription';
import { parseOrderEntityId } from '../acts';
import { reportPdfContent, reportToDocumentReference } from './fhir/report';
import { serviceRequestToFhir } from './fhir/service-request';
import { appointmentToFhir } from './fhir/appointment';
import type { AppointmentSource } from './push/push-appointment';

export type LocalResource = { resource: Resource & { id: string }; version: number };

/** The FHIR resource type each outbox entity is sent as. */
export const RESOURCE_TYPE: Record<string, string> = {
  patient: 'Patient',
  encounter: 'Encounter',
  service_request: 'ServiceRequest',
  report: 'DocumentReference',
  observation: 'Observation',
  consent: 'Consent',
  attachment: 'Media',
  call_chat: 'Communication',
  imaging_study: 'ImagingStudy',
  expertise_message: 'Communication',
  expert_report: 'Communication',
  expert_prescription: 'Communication',
  prescription_medication: 'MedicationRequest',
  prescription_service: 'ServiceRequest',
  appointment: 'Appointment',
  audit: 'AuditEvent',
};

/**
 * The id of a record's resource at the region, without building it: the record's own id, except
 * an audit row's (its uuid), a call's chat line's and an imaging study's (derived). Null when the
 * record is no longer here.
 */
export function resourceIdOf(entity: string, entityId: string, audit?: Pick<AuditSource, 'bySeq'>): string | null {
  switch (entity) {
    case 'audit':
      return /^\d+$/.test(entityId) ? (audit?.bySeq(Number(entityId))?.id ?? null) : null;
    case 'call_chat': {
      const key = parseChatEntityId(entityId);
      return key ? chatResourceId(key.callId, key.lineId) : null;
    }
    case 'imaging_study':
      return imagingStudyResourceId(entityId);
    case 'prescription_medication':
    case 'prescription_service': {
      const key = parseOrderEntityId(entityId);
      return key ? prescriptionLineId(key.prescriptionId, key.index) : null;
    }
    default:
      return entityId;
  }
}

/** The audit trail as the sync sees it. */
export interface AuditSource {
  bySeq(seq: number): AuditRow | null;
  /** This station's subject at the hub (its token's `sub`), named as the AuditEvent's observer. */
  observer(): string | null;
  /** The region took row seq: its answer carried the row's chain hash (kept in audit_acknowledgements). */
  acknowledge(seq: number, hash: string, at: string): void;
}

/** A prescription kept on an act, as its orders need it: the act's patient, and whether a correction replaced it. */
export interface PrescriptionForSync {
  prescription: SignedPrescription;
  patientId: string;
  superseded: boolean;
}

export interface LocalResourcesDeps {
  patients: PatientRepository;
  encounters: EncounterRepository;
  imaging?: ImagingRepository;
  /** The kept PDFs of signed reports (described by their DocumentReference). */
  reportPdfs?: { kept(reportId: string): StoredReportPdf | null };
  teleexpertise?: TeleexpertiseRepository;
  /** On the expert's station, the reports she signed for other stations' acts (sent to them through the hub). */
  remoteReports?: Pick<RemoteReportRepository, 'get'>;
  remotePrescriptions?: Pick<RemotePrescriptionRepository, 'get'>;
  /** The prescriptions kept on this station's acts, sent as their orders. */
  actPrescriptions?: { forSync(id: string): PrescriptionForSync | null };
  /** The audit trail's rows, by sequence number (sent as AuditEvent). */
  audit?: Pick<AuditSource, 'bySeq' | 'observer'>;
  /** The station's bookings (sent as Appointment). */
  appointments?: Pick<AppointmentSource, 'get' | 'site' | 'patientName'>;
}

export function createLocalResources(deps: LocalResourcesDeps) {
  return {
    /** The record's current state as a resource, or null when it is not (or no longer) here. */
    build(entity: string, id: string): LocalResource | null {
      switch (entity) {
        case 'patient': {
          const p = deps.patients.get(id);
          return p ? { resource: patientToFhir(p) as Resource & { id: string }, version: p.version } : null;
        }
        case 'encounter': {
          const e = deps.encounters.get(id);
          return e ? { resource: encounterToFhir(e) as Resource & { id: string }, version: e.version } : null;
        }
        case 'service_request': {
          const e = deps.encounters.get(id);
          return e && e.act === 'teleexpertise'
            ? {
                resource: serviceRequestToFhir(e, deps.teleexpertise?.details(id) ?? null) as Resource & { id: string },
                version: e.version,
              }
            : null;
        }
        case 'report': {
          const r = deps.encounters.report(id);
          const e = r ? deps.encounters.get(r.encounterId) : null;
          if (!r || !e) return null;
          const kept = deps.reportPdfs?.kept(r.id) ?? null;
          // Replaced by a correction: its second and last version, superseded.
          const superseded = deps.encounters.reports(e.id).some((other) => other.replaces === r.id);
          const pdf = kept ? reportPdfContent(kept.data, kept.sha256) : null;
          return {
            resource: reportToDocumentReference(r, e, { pdf, superseded }) as Resource & { id: string },
            version: superseded ? 2 : 1,
          };
        }
        case 'observation': {
          const o = deps.encounters.observation(id);
          const e = o ? deps.encounters.get(o.encounterId) : null;
          return o && e ? { resource: observationToFhir(o, e) as Resource & { id: string }, version: 1 } : null;
        }
        case 'consent': {
          const c = deps.encounters.consent(id);
          const e = c ? deps.encounters.get(c.encounterId) : null;
          return c && e ? { resource: consentToFhir(c, e) as Resource & { id: string }, version: 1 } : null;
        }
        case 'imaging_study': {
          const study = deps.imaging?.studyForSync(id);
          // Its version is the number of instances kept: a study only grows.
          return study
            ? {
                resource: imagingStudyToFhir(study) as Resource & { id: string },
                version: study.series.reduce((n, s) => n + s.instances.length, 0),
              }
            : null;
        }
        case 'expertise_message': {
          const m = deps.teleexpertise?.message(id);
          return m ? { resource: messageToCommunication(m) as Resource & { id: string }, version: 1 } : null;
        }
        case 'expert_report': {
          const kept = deps.remoteReports?.get(id);
          return kept
            ? {
                resource: expertReportToCommunication(kept.report, kept.peerId) as Resource & { id: string },
                version: 1,
              }
            : null;
        }
        case 'expert_prescription': {
          const kept = deps.remotePrescriptions?.get(id);
          return kept
            ? {
                resource: expertPrescriptionToCommunication(kept.prescription, kept.peerId) as Resource & {
                  id: string;
                },
                version: 1,
              }
            : null;
        }
        case 'prescription_medication':
        case 'prescription_service': {
          const key = parseOrderEntityId(id);
          const kept = key ? deps.actPrescriptions?.forSync(key.prescriptionId) : null;
          const order = key && kept ? prescriptionToFhir(kept.prescription, kept.patientId, kept)[key.index] : null;
          // Withdrawn by a correction: its second and last version.
          return order ? { resource: order as Resource & { id: string }, version: kept!.superseded ? 2 : 1 } : null;
        }
        case 'appointment': {
          const a = deps.appointments?.get(id);
          if (!a) return null;
          const resource = appointmentToFhir(a, deps.appointments!.site(), deps.appointments!.patientName(a.patientId));
          return { resource, version: a.version };
        }
        case 'audit': {
          const row = /^\d+$/.test(id) ? deps.audit?.bySeq(Number(id)) : null;
          return row
            ? { resource: auditRowToFhir(row, deps.audit?.observer() ?? null) as Resource & { id: string }, version: 1 }
            : null;
        }
        default:
          return null;
      }
    },
  };
}
export type LocalResources = ReturnType<typeof createLocalResources>;
