// The expert's report and the cart's receipt as the Communications the hub carries after the call:
// what her station sends, what a station takes back, and the garbage it refuses with a reason.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expertReportContent, type SignedExpertReport } from '../../../src/shared/acts/expert-report';
import {
  expertReportToCommunication,
  readAddressedMessage,
  receiptIdOf,
  receiptToCommunication,
} from '../../../src/main/sync/fhir/expert-report-message';
import { FhirMappingError } from '../../../src/main/sync/fhir/mapping-error';
import { validateFhir } from '../../../src/main/sync/fhir/validate';

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

  it('the receipt answers the report by a fixed id, filed or refused with the reason', () => {
    const reportId = randomUUID();
    const filed = receiptToCommunication(
      { reportId, outcome: 'filed', reason: null },
      'dr-legoff',
      '2026-12-07T09:30:00Z',
    );
    expect(() => validateFhir(filed)).not.toThrow();
    expect(filed.id).toBe(receiptIdOf(reportId));
    expect(readAddressedMessage(stamped(filed, 'cart-7'))).toEqual({
      kind: 'receipt',
      writer: 'cart-7',
      recipient: 'dr-legoff',
      receipt: { reportId, outcome: 'filed', reason: null },
    });
    const refused = receiptToCommunication(
      { reportId, outcome: 'refused', reason: 'report.hash_mismatch' },
      'dr-legoff',
      '2026-12-07T09:30:00Z',
    );
    expect(readAddressedMessage(stamped(refused, 'cart-7'))).toMatchObject({
      receipt: { outcome: 'refused', reason: 'report.hash_mismatch' },
    });
  });

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
