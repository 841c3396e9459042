// The act's context for the expert of its call (issue 21, point 1), composed in main from what the
// station holds: the act, its patient's banner traits, consents, measurements and the names of its
// files. The page only forwards it over the call's data channel; what leaves is decided here.
import { ActContextSchema, ACT_CONTEXT_LIMITS, type ActContext } from '../../shared/calls/act-context';
import type { ActContextFile, ActContextMeasurement } from '../../shared/calls/act-context';
import type { Attachment } from '../../shared/acts/attachments';
import type { Observation } from '../../shared/acts/encounter';
import type { Patient } from '../../shared/patients/patient';
import type { EncounterRecord } from './encounter-service';

/** An imported imaging study of the act, named as the station lists it. */
export interface ActStudy {
  name: string;
  importedAt: string;
}

const FILE_KIND: Record<Attachment['kind'], ActContextFile['kind']> = {
  snapshot: 'photo',
  auscultation: 'sound',
  document: 'document',
};

function measurementOf(o: Observation): ActContextMeasurement {
  const { vital } = o;
  const values = vital.code === 'blood_pressure' ? [vital.systolic, vital.diastolic] : [vital.value];
  return {
    kind: vital.code,
    values,
    unit: vital.unit,
    takenAt: o.takenAt,
    device: o.device,
    takenBy: o.takenBy,
  } as ActContextMeasurement;
}

/** The newest `max` items, in their order: a long act sends its latest, within the schema's bound. */
const latest = <T>(items: readonly T[], max: number): T[] => items.slice(Math.max(0, items.length - max));

export function composeActContext(
  record: EncounterRecord,
  patient: Patient,
  studies: readonly ActStudy[],
  composedAt: string,
): ActContext {
  const { encounter } = record;
  const files: ActContextFile[] = [
    ...record.attachments.map((a) => ({
      kind: FILE_KIND[a.kind],
      name: a.title ?? a.device,
      takenAt: a.takenAt,
      author: a.author,
    })),
    ...studies.map((s) => ({ kind: 'study' as const, name: s.name, takenAt: s.importedAt, author: '' })),
    ...record.reportPdfs.map((p) => ({
      kind: 'document' as const,
      name: p.fileName,
      takenAt: p.renderedAt,
      author: '',
    })),
  ];
  const context: ActContext = {
    act: {
      id: encounter.id,
      type: encounter.act,
      reason: encounter.reason,
      status: encounter.status,
      site: encounter.site,
      requester: {
        name: encounter.requester.name,
        role: encounter.requester.role,
        rpps: encounter.requester.rpps,
      },
    },
    patient: {
      birthName: patient.birthName,
      usedName: patient.usedName,
      firstName: patient.firstName,
      usedFirstName: patient.usedFirstName,
      birthDate: patient.birthDate,
      sex: patient.sex,
      identityStatus: patient.identityStatus,
      // SECURITY: the INS leaves the station only with a qualified identity (RNIV); a typed INS, "to
      // be checked", never does.
      ins: patient.identityStatus === 'QUAL' && patient.ins ? { ...patient.ins } : null,
    },
    consents: latest(record.consents, ACT_CONTEXT_LIMITS.consents).map((c) => ({
      scope: c.scope,
      decision: c.decision,
      givenBy: c.givenBy,
      collectedBy: c.collectedBy,
      collectedAt: c.collectedAt,
    })),
    measurements: latest(record.observations.map(measurementOf), ACT_CONTEXT_LIMITS.measurements),
    files: latest(files, ACT_CONTEXT_LIMITS.files),
    composedAt,
  };
  // Parsed here with the expert's own schema: this station never sends what her station would refuse.
  return ActContextSchema.parse(context);
}
