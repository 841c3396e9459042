// The expert's signed documents (report, prescription) and the cart's receipts as the Communications
// the hub carries after the call: what her station sends, what a station takes back, and the
// garbage it refuses with a reason.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expertReportContent, type SignedExpertReport } from '../../../src/shared/acts/expert-report';
import {
  expertPrescriptionToCommunication,
  expertReportToCommunication,
  readAddressedMessage,
  receiptIdOf,
  receiptToCommunication,
} from '../../../src/main/sync/fhir/signed-document-message';
import { FhirMappingError } from '../../../src/main/sync/fhir/mapping-error';
import { validateFhir } from '../../../src/main/sync/fhir/validate';
import { AMOXICILLIN, BLOOD_TEST, signedPrescription } from '../../helpers/prescriptions';

function signedReport(): SignedExpertReport {
  const body: Omit<SignedExpertReport, 'sha256'> = {
    id: randomUUID(),
    encounterId: randomUUID(),
    sections: {
      motif: 'Plaie du talon',
      histoire: '',
      examen: 'Plaie propre.',
      mesures: '',
      conclusion: 'Escarre de stade 2.',
      conduite: 'Hydrocolloïde.',
      suivi: '',
    },
    author: { name: 'Dr Le Goff', rpps: '10003456789', specialty: 'dermatologie', hubId: 'dr-legoff' },
    signedAt: '2026-12-07T10:20:00.000+01:00',
    replaces: null,
    correctionReason: null,
  };
  return { ...body, sha256: createHash('sha256').update(expertReportContent(body)).digest('hex') };
}
/** As the hub serves it back: its writer stamped. */
const stamped = <T extends object>(resource: T, writer: string) => ({
  ...resource,
  meta: { versionId: '1', lastUpdated: '2026-12-07T09:21:00.000Z', source: `urn:relais:peer:${writer}` },
});

describe('the expert’s report as an addressed Communication', () => {
  it('carries the report whole, its text for any reader, her Practitioner as sender, the cart as recipient', () => {
    const report = signedReport();
    const c = expertReportToCommunication(report, 'cart-7');
    expect(() => validateFhir(c)).not.toThrow();
    expect(c).toMatchObject({
      id: report.id,
      sender: { display: 'Dr Le Goff', identifier: { value: '810003456789' } },
      recipient: [{ identifier: { system: 'urn:relais:peer', value: 'cart-7' } }],
    });
    expect(c.payload?.[0]?.contentString).toContain('Conclusion\nEscarre de stade 2.');
    expect(readAddressedMessage(stamped(c, 'dr-legoff'))).toEqual({
      kind: 'report',
      writer: 'dr-legoff',
      recipient: 'cart-7',
      report,
    });
  });

  it('carries a prescription the same way, its lines in words for any reader', () => {
    const prescription = signedPrescription({ lines: [AMOXICILLIN, BLOOD_TEST] });
    const c = expertPrescriptionToCommunication(prescription, 'cart-7');
    expect(() => validateFhir(c)).not.toThrow();
    expect(c).toMatchObject({
      id: prescription.id,
      category: [{ coding: [{ code: 'expert-prescription' }] }],
      sender: { display: 'Anne KERLEAU', identifier: { value: '810001234567' } },
      recipient: [{ identifier: { system: 'urn:relais:peer', value: 'cart-7' } }],
    });
    expect(c.payload?.[0]?.contentString).toBe(
      'Médicaments\n1. Amoxicilline 500 mg, gélule — 2 gélules, voie orale, 3 fois par jour, pendant 7 jours. ' +
        'Quantité : 2 boîtes.\n\nExamens de biologie\n– NFS, CRP',
    );
    expect(readAddressedMessage(stamped(c, 'dr-kerleau'))).toEqual({
      kind: 'prescription',
      writer: 'dr-kerleau',
      recipient: 'cart-7',
      prescription,
    });
    // A prescription whose EFG mention the cart would refuse (an adult) is not taken as one.
    const efg = { ...prescription, lines: [{ ...AMOXICILLIN, nonSubstitutable: 'EFG' }] };
    const tampered = {
      ...c,
      payload: [
        {
          contentAttachment: {
            contentType: 'application/json',
            data: Buffer.from(JSON.stringify(efg)).toString('base64'),
          },
        },
      ],
    };
    expect(() => readAddressedMessage(stamped(tampered, 'dr-kerleau'))).toThrow(/signed prescription is not valid/);
  });

  it.each(['report', 'prescription'] as const)(
    'the receipt answers the %s by a fixed id of its own, filed or refused with the reason',
    (document) => {
      const id = randomUUID();
      const filed = receiptToCommunication(
        { document, id, outcome: 'filed', reason: null },
        'dr-legoff',
        '2026-12-07T09:30:00Z',
      );
      expect(() => validateFhir(filed)).not.toThrow();
      expect(filed.id).toBe(receiptIdOf(document, id));
      expect(readAddressedMessage(stamped(filed, 'cart-7'))).toEqual({
        kind: 'receipt',
        writer: 'cart-7',
        recipient: 'dr-legoff',
        receipt: { document, id, outcome: 'filed', reason: null },
      });
      const refused = receiptToCommunication(
        { document, id, outcome: 'refused', reason: 'report.hash_mismatch' },
        'dr-legoff',
        '2026-12-07T09:30:00Z',
      );
      expect(readAddressedMessage(stamped(refused, 'cart-7'))).toMatchObject({
        receipt: { outcome: 'refused', reason: 'report.hash_mismatch' },
      });
    },
  );

  const report = signedReport();
  const good = expertReportToCommunication(report, 'cart-7');
  const attachment = (data: string) => ({
    ...good,
    payload: [{ contentAttachment: { contentType: 'application/json', data } }],
  });
  it.each([
    { name: 'no writer stamped by the hub', resource: { ...good, meta: {} }, problem: 'meta.source' },
    {
      name: 'a writer stamped by someone else',
      resource: { ...good, meta: { source: 'https://evil' } },
      problem: 'did not stamp',
    },
    {
      name: 'no recipient',
      resource: stamped({ ...good, recipient: [] }, 'dr-legoff'),
      problem: 'no single recipient',
    },
    {
      name: 'another category',
      resource: stamped({ ...good, category: [{ text: 'x' }] }, 'dr-legoff'),
      problem: 'category',
    },
    {
      name: 'no report inside',
      resource: stamped({ ...good, payload: [{ contentString: 'x' }] }, 'dr-legoff'),
      problem: 'no signed report',
    },
    {
      name: 'a report that is not JSON',
      resource: stamped(attachment(Buffer.from('{').toString('base64')), 'dr-legoff'),
      problem: 'not JSON',
    },
    {
      name: 'a report missing its hash',
      resource: stamped(
        attachment(Buffer.from(JSON.stringify({ ...report, sha256: undefined })).toString('base64')),
        'dr-legoff',
      ),
      problem: 'sha256',
    },
    {
      name: 'a report under another id',
      resource: stamped({ ...good, id: randomUUID() }, 'dr-legoff'),
      problem: 'not the id of the report',
    },
    {
      name: 'a prescription’s receipt under the id of a report’s',
      resource: stamped(
        {
          ...receiptToCommunication(
            { document: 'prescription', id: report.id, outcome: 'filed', reason: null },
            'dr-legoff',
            '2026-12-07T09:30:00Z',
          ),
          id: receiptIdOf('report', report.id),
        },
        'cart-7',
      ),
      problem: 'not the receipt id of the prescription',
    },
    { name: 'not a Communication at all', resource: { resourceType: 'Patient', id: 'x' }, problem: 'resourceType' },
    { name: 'nothing', resource: null, problem: 'resource' },
  ])('refuses $name, saying why', ({ resource, problem }) => {
    let error: unknown;
    try {
      readAddressedMessage(resource);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FhirMappingError);
    expect((error as Error).message).toContain(problem);
  });
});
