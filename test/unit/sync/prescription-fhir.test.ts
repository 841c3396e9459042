// The expert's prescription as the FHIR orders the requesting station sends with the act: one
// MedicationRequest per medicine (dosage in words, substitution allowed or refused with its legal
// reason), one ServiceRequest per other line, all tied by the prescription's id, requested by her
// Practitioner; valid R4 resources, with ids a retried push finds again.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prescriptionLineId, prescriptionToFhir } from '../../../src/main/sync/fhir/prescription';
import { orderEntityId, orderEntityOf, parseOrderEntityId } from '../../../src/main/acts/prescription-orders';
import { validateFhir } from '../../../src/main/sync/fhir/validate';
import { AMOXICILLIN, BLOOD_TEST, LEVOTHYROXINE, signedPrescription } from '../../helpers/prescriptions';

const prescription = () =>
  signedPrescription({
    lines: [
      AMOXICILLIN,
      { ...LEVOTHYROXINE, note: 'Contrôle de la TSH à 6 semaines.' },
      BLOOD_TEST,
      { kind: 'nursing', text: 'Pansement hydrocolloïde du talon tous les 3 jours pendant 3 semaines.' },
    ],
  });

describe('the prescription as FHIR orders', () => {
  const p = prescription();
  const patientId = randomUUID();
  const orders = prescriptionToFhir(p, patientId);

  it('makes one valid order per line, in order, tied by the prescription and requested by her', () => {
    expect(orders.map((o) => o.resourceType)).toEqual([
      'MedicationRequest',
      'MedicationRequest',
      'ServiceRequest',
      'ServiceRequest',
    ]);
    for (const order of orders) {
      expect(() => validateFhir(order)).not.toThrow();
      expect(order).toMatchObject({
        status: 'active',
        intent: 'order',
        subject: { reference: `Patient/${patientId}` },
        encounter: { reference: `Encounter/${p.encounterId}` },
        authoredOn: p.signedAt,
        requester: { display: 'Anne KERLEAU', identifier: { value: '810001234567' } },
      });
    }
    const group = { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${p.id}` };
    expect(orders[0]).toMatchObject({ groupIdentifier: group });
    expect(orders[2]).toMatchObject({ requisition: group });
  });

  it('writes the dosage in words and says whether the pharmacist may give a generic, and why not', () => {
    expect(orders[0]).toMatchObject({
      medicationCodeableConcept: { text: 'Amoxicilline 500 mg' },
      dosageInstruction: [
        { text: '2 gélules, gélule, 3 fois par jour, pendant 7 jours', route: { text: 'voie orale' } },
      ],
      substitution: { allowedBoolean: true },
      note: [{ text: 'Quantité : 2 boîtes' }],
    });
    expect(orders[1]).toMatchObject({
      substitution: {
        allowedBoolean: false,
        reason: { coding: [{ code: 'MTE', display: 'Marge thérapeutique étroite' }], text: 'Non substituable (MTE)' },
      },
      note: [{ text: 'Contrôle de la TSH à 6 semaines.' }],
    });
  });

  it('codes biology with SNOMED CT as FHIR’s category value set does, and nursing in words', () => {
    expect(orders[2]).toMatchObject({
      category: [{ coding: [{ system: 'http://snomed.info/sct', code: '108252007' }], text: 'Biologie' }],
      code: { text: 'NFS, CRP' },
    });
    expect(orders[3]).toMatchObject({ category: [{ text: 'Soins infirmiers' }] });
    expect(orders[3]).not.toHaveProperty('category.0.coding');
  });

  it('gives each line the same id at every push', () => {
    expect(prescriptionToFhir(p, patientId).map((o) => o.id)).toEqual(orders.map((o) => o.id));
    expect(orders[1]!.id).toBe(prescriptionLineId(p.id, 1));
    expect(new Set(orders.map((o) => o.id)).size).toBe(4);
  });

  it('withdraws the orders of a prescription a correction replaced: medicines cancelled, other orders revoked', () => {
    const withdrawn = prescriptionToFhir(p, patientId, { superseded: true });
    expect(withdrawn.map((o) => [o.resourceType, o.status])).toEqual([
      ['MedicationRequest', 'cancelled'],
      ['MedicationRequest', 'cancelled'],
      ['ServiceRequest', 'revoked'],
      ['ServiceRequest', 'revoked'],
    ]);
    expect(withdrawn.map((o) => o.id)).toEqual(orders.map((o) => o.id));
    for (const order of withdrawn) expect(() => validateFhir(order)).not.toThrow();
  });

  it('names each line in the outbox by the prescription and its place, and reads back only that', () => {
    expect(parseOrderEntityId(orderEntityId(p.id, 2))).toEqual({ prescriptionId: p.id, index: 2 });
    expect(p.lines.map(orderEntityOf)).toEqual([
      'prescription_medication',
      'prescription_medication',
      'prescription_service',
      'prescription_service',
    ]);
    for (const garbage of ['', '[', '["a"]', '["a", "1"]', '["a", 1.5]', '{}'])
      expect(parseOrderEntityId(garbage)).toBeNull();
  });
});
