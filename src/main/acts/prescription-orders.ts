// A kept prescription's lines as the outbox names them (issue 21, point 5): each line is one order
// at the region (sync/fhir/prescription.ts), a MedicationRequest or a ServiceRequest, so each is its
// own outbox entity, named by the prescription and the line's place. Queued when the prescription
// is kept on the act; a correction withdraws the lines of the version it replaces (version 2).
import type { SignedPrescription } from '../../shared/acts/prescription';

/** A prescription's line as an outbox entity: the prescription and the line's place, unambiguously. */
export const orderEntityId = (prescriptionId: string, index: number): string => JSON.stringify([prescriptionId, index]);

export function parseOrderEntityId(entityId: string): { prescriptionId: string; index: number } | null {
  try {
    const parsed = JSON.parse(entityId) as unknown;
    return Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && Number.isInteger(parsed[1])
      ? { prescriptionId: parsed[0], index: parsed[1] as number }
      : null;
  } catch {
    return null;
  }
}

/** The outbox entity of a line: its resource type decides it (each entity has one type). */
export const orderEntityOf = (line: SignedPrescription['lines'][number]) =>
  line.kind === 'medication' ? 'prescription_medication' : 'prescription_service';

/** Queues the orders of a prescription just kept, and withdraws those of the version it replaces. */
export function queueOrders(
  outbox: {
    enqueue(entity: string, entityId: string, version: number, operation: 'create' | 'update', at: string): void;
  },
  p: SignedPrescription,
  replaced: SignedPrescription | null,
  at: string,
): void {
  p.lines.forEach((line, i) => outbox.enqueue(orderEntityOf(line), orderEntityId(p.id, i), 1, 'create', at));
  replaced?.lines.forEach((line, i) =>
    outbox.enqueue(orderEntityOf(line), orderEntityId(replaced.id, i), 2, 'update', at),
  );
}
