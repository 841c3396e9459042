// A report: its signed PDF and text first (Binaries), then the DocumentReference. One step of the
// push (push-worker.ts).
import type { Binary } from '@medplum/fhirtypes';
import type { StoredReportPdf } from '../../acts';
import { reportPdfToBinary, reportToBinary } from '../fhir/report';
import { FhirNetworkError, FhirRateLimitedError } from '../fhir-client';
import type { PushDeps, PushReport } from '../push-worker';
import type { OutboxRow } from '../sync-repository';
import type { Built, PutResource } from './put-resource';
import type { RowOutcomes } from './row-outcomes';
import { UNSUPPORTED_WAIT_MS } from './unsupported';

export function createPushReport(
  deps: PushDeps,
  { later, waitAsAsked, park, answerNotOk }: RowOutcomes,
  putResource: PutResource,
  build: (row: OutboxRow) => Built,
) {
  /**
   * A report: its signed PDF and text first (Binaries, never changed once signed: sent again as
   * they are when the report is superseded, so that the DocumentReference never points at
   * nothing), then the DocumentReference.
   */
  async function pushReport(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const signed = deps.encounters.report(row.entity_id);
    if (!signed) return park(row, 'The record is no longer on this station.', report);
    const refused = deps.capabilities?.().refuses('Binary');
    if (refused) return later(row, refused, report, false, UNSUPPORTED_WAIT_MS);
    let pdf: StoredReportPdf;
    try {
      pdf = await deps.reportPdfs.sealed(signed.id);
    } catch (error) {
      return park(row, `The report's PDF could not be made: ${(error as Error).message}`, report);
    }
    try {
      for (const binary of [reportPdfToBinary(signed.id, pdf.data), reportToBinary(signed)]) {
        const answer = await deps.client.put(binary as Binary & { id: string }, null);
        if (answer.status !== 200 && answer.status !== 201) return answerNotOk(row, answer, report);
      }
    } catch (error) {
      if (error instanceof FhirRateLimitedError) return waitAsAsked(row, report);
      if (!(error instanceof FhirNetworkError)) throw error;
      report.unreachable = true;
      return later(row, error.message, report, true);
    }
    return putResource(row, build(row), report);
  }

  return pushReport;
}
