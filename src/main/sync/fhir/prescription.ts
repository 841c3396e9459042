// The expert's signed prescription (ordonnance) -> FHIR R4, as the requesting station sends it to
// the region with the act: one MedicationRequest per medicine and one ServiceRequest per other line
// (biology, imaging, nursing, other), all of one prescription tied by the same groupIdentifier (its
// id) and requested by her (her Practitioner, by IdNatPS), for the act's patient and Encounter.
// Each resource's id is derived from the prescription's id and the line's place, so that a retried
// push creates nothing twice. Why FHIR's own resources rather than a document alone: the region's
// pharmacy and nursing tools read orders, not PDFs; the signed PDF is the act's document beside them.
//
// The national "ordonnance numérique" identifier is issued by the national service and is not
// here: when the station is connected to it, it becomes a second groupIdentifier.
import type { MedicationRequest, ServiceRequest } from '@medplum/fhirtypes';
import {
  nonSubstitutableMention,
  type MedicationLine,
  type OtherLine,
  type SignedPrescription,
} from '../../../shared/acts/prescription';
import { nameBasedUuid } from './name-based-id';
import { professionalReference } from './practitioner';
import { SYSTEM, uuidIdentifier } from './systems';

const NON_SUBSTITUTION_DISPLAY = {
  MTE: 'Marge thérapeutique étroite',
  EFG: 'Enfant de moins de six ans, aucun générique de forme adaptée',
  CIF: 'Contre-indication formelle et démontrée à un excipient',
} as const;

/** Other lines as FHIR's servicerequest-category (SNOMED CT) where it has a code; words otherwise. */
const CATEGORY: Record<OtherLine['kind'], { code?: string; display: string }> = {
  biology: { code: '108252007', display: 'Biologie' },
  imaging: { code: '363679005', display: 'Imagerie' },
  nursing: { display: 'Soins infirmiers' },
  other: { display: 'Autre prescription' },
};

/** The id of the resource of the prescription's line at this place (from 0). */
export const prescriptionLineId = (prescriptionId: string, index: number) =>
  nameBasedUuid(`prescription:${prescriptionId}:${index}`);

/** Replaced by a correction: its orders are withdrawn (MedicationRequest cancelled, ServiceRequest revoked). */
export interface OrderState {
  superseded: boolean;
}

function common(p: SignedPrescription, patientId: string, index: number) {
  const id = prescriptionLineId(p.id, index);
  return {
    id,
    identifier: [uuidIdentifier(id)],
    intent: 'order' as const,
    subject: { reference: `Patient/${patientId}` },
    encounter: { reference: `Encounter/${p.encounterId}` },
    authoredOn: p.signedAt,
    requester: professionalReference({ ...p.author, role: 'physician' }),
    ...(p.correctionReason ? { note: [{ text: `Correction : ${p.correctionReason}` }] } : {}),
  };
}

function medicationRequest(
  p: SignedPrescription,
  patientId: string,
  m: MedicationLine,
  index: number,
  state: OrderState,
) {
  const base = common(p, patientId, index);
  const dosage = [m.dose, m.form, m.frequency, `pendant ${m.duration}`].filter(Boolean).join(', ');
  const notes = [
    ...(m.quantity ? [{ text: `Quantité : ${m.quantity}` }] : []),
    ...(m.note ? [{ text: m.note }] : []),
    ...(base.note ?? []),
  ];
  const resource: MedicationRequest = {
    resourceType: 'MedicationRequest',
    ...base,
    status: state.superseded ? 'cancelled' : 'active',
    groupIdentifier: uuidIdentifier(p.id),
    medicationCodeableConcept: { text: m.name },
    dosageInstruction: [{ text: dosage, ...(m.route ? { route: { text: m.route } } : {}) }],
    substitution: m.nonSubstitutable
      ? {
          allowedBoolean: false,
          reason: {
            coding: [
              {
                system: SYSTEM.nonSubstitution,
                code: m.nonSubstitutable,
                display: NON_SUBSTITUTION_DISPLAY[m.nonSubstitutable],
              },
            ],
            text: nonSubstitutableMention(m.nonSubstitutable),
          },
        }
      : { allowedBoolean: true },
    ...(notes.length > 0 ? { note: notes } : {}),
  };
  return resource;
}

function serviceRequest(p: SignedPrescription, patientId: string, line: OtherLine, index: number, state: OrderState) {
  const category = CATEGORY[line.kind];
  const resource: ServiceRequest = {
    resourceType: 'ServiceRequest',
    ...common(p, patientId, index),
    status: state.superseded ? 'revoked' : 'active',
    requisition: uuidIdentifier(p.id),
    category: [
      {
        ...(category.code
          ? { coding: [{ system: 'http://snomed.info/sct', code: category.code, display: category.display }] }
          : {}),
        text: category.display,
      },
    ],
    code: { text: line.text },
  };
  return resource;
}

/** The prescription's orders, in its lines' order, for the act's patient on this station. */
export function prescriptionToFhir(
  p: SignedPrescription,
  patientId: string,
  state: OrderState = { superseded: false },
): (MedicationRequest | ServiceRequest)[] {
  return p.lines.map((line, index) =>
    line.kind === 'medication'
      ? medicationRequest(p, patientId, line, index, state)
      : serviceRequest(p, patientId, line, index, state),
  );
}
