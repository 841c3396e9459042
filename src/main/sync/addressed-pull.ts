// Pulls the messages addressed to this station through the hub (shared/addressed-message.ts): on
// the requesting station, the reports and prescriptions experts signed after their call, each filed
// on its act and answered with a receipt; on the expert's, those receipts. By _lastUpdated from a cursor kept in
// the server's time, reaching back a margin, as the records' pull does (pull-worker.ts); what comes
// back twice is harmless (a document already filed is not filed again, a receipt already kept
// changes nothing). The cursor never passes a message that still waits: a document whose receipt
// could not be sent, or one a passing trouble (a full disk) kept from being filed, comes again.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { ADDRESSED_KINDS, STATION_MESSAGE_SYSTEM } from '../../shared/addressed-message';
import type { SignedExpertReport } from '../../shared/acts/expert-report';
import type { SignedPrescription } from '../../shared/acts/prescription';
import type { HubIntakeAnswer } from '../acts';
import type { SyncRepository } from './sync-repository';
import {
  readAddressedMessage,
  receiptToCommunication,
  type AddressedMessage,
  type DocumentReceipt,
} from './fhir/signed-document-message';
import { FhirMappingError } from './fhir/mapping-error';
import { FhirNetworkError, FhirRateLimitedError, type FhirClient } from './fhir-client';

export interface AddressedPullDeps {
  client: FhirClient;
  sync: Pick<SyncRepository, 'state' | 'setState' | 'inboundError' | 'clearInboundError'>;
  /** This station's subject at the hub (its token's); null without a token: nothing is pulled. */
  subject: () => string | null;
  /** Requesting station: files a report its writer (the hub's word) sent. */
  fileReport: (report: SignedExpertReport, writer: string) => Promise<HubIntakeAnswer>;
  /** Requesting station: files a prescription its writer (the hub's word) sent. */
  filePrescription: (prescription: SignedPrescription, writer: string) => Promise<HubIntakeAnswer>;
  /** Expert's station: the requesting station (the hub's word) answered one of her documents. */
  receiptCame: (receipt: DocumentReceipt, writer: string) => void;
  now: () => Date;
  marginMs?: number;
}

const CURSOR = 'pull_cursor:addressed';
const PAGE = 200;
const MAX_PAGES = 10;
const ENTITY = 'addressed_message';
type Stamped = Resource & { id: string; meta: { lastUpdated: string } };

export function createAddressedPull(deps: AddressedPullDeps) {
  const marginMs = deps.marginMs ?? 120_000;
  // Receipts sent since the station started: a report seen again within the margin is not answered twice.
  const answered = new Set<string>();

  /** True when the message is done with; false when it must come again (the pass stops there). */
  async function handle(message: AddressedMessage, at: string): Promise<boolean> {
    if (message.kind === 'receipt') {
      deps.receiptCame(message.receipt, message.writer);
      return true;
    }
    const { writer } = message;
    const [document, id] =
      message.kind === 'report'
        ? (['report', message.report.id] as const)
        : (['prescription', message.prescription.id] as const);
    if (answered.has(id)) return true;
    const answer =
      message.kind === 'report'
        ? await deps.fileReport(message.report, writer)
        : await deps.filePrescription(message.prescription, writer);
    if (answer.outcome === 'later') return false;
    const receipt: DocumentReceipt =
      answer.outcome === 'filed'
        ? { document, id, outcome: 'filed', reason: null }
        : { document, id, outcome: 'refused', reason: answer.reason };
    const sent = await deps.client.put(receiptToCommunication(receipt, writer, at) as Stamped, null);
    // A server that is busy or failing is asked again; one that refuses the receipt for good is
    // told to a person (the document itself is filed, or refused, here either way).
    if (sent.status === 429 || sent.status >= 500) return false;
    if (sent.status !== 200 && sent.status !== 201)
      deps.sync.inboundError(ENTITY, id, null, `The regional server refused the receipt (${sent.status}).`, at);
    answered.add(id);
    return true;
  }

  return {
    /** One pass; returns how many messages were taken, or why it stopped. */
    async runOnce(): Promise<{ received: number; stoppedBy: string | null }> {
      const me = deps.subject();
      if (!me) return { received: 0, stoppedBy: null };
      const cursor = deps.sync.state(CURSOR);
      let since = cursor ? new Date(Date.parse(cursor) - marginMs).toISOString() : null;
      let received = 0;
      let newest = cursor;
      try {
        for (let page = 0; page < MAX_PAGES; page++) {
          const answer = await deps.client.search('Communication', {
            category: ADDRESSED_KINDS.map((kind) => `${STATION_MESSAGE_SYSTEM}|${kind}`).join(','),
            _sort: '_lastUpdated',
            _count: String(PAGE),
            ...(since ? { _lastUpdated: `ge${since}` } : {}),
          });
          const bundle = answer.resource as Bundle | null;
          if (answer.status !== 200 || bundle?.resourceType !== 'Bundle')
            return {
              received,
              stoppedBy: `The regional server answered ${answer.status} to the search for the expert’s documents and receipts.`,
            };
          const at = deps.now().toISOString();
          const entries = bundle.entry ?? [];
          for (const entry of entries) {
            const resource = entry.resource as Stamped | undefined;
            if (!resource?.id || typeof resource.meta?.lastUpdated !== 'string') continue;
            let message: AddressedMessage | null = null;
            try {
              message = readAddressedMessage(resource);
              deps.sync.clearInboundError(ENTITY, resource.id);
            } catch (error) {
              if (!(error instanceof FhirMappingError)) throw error;
              deps.sync.inboundError(ENTITY, resource.id, resource.meta.versionId ?? null, error.message, at);
            }
            // Its own messages (the search also finds what this station wrote) are not for it.
            if (message && message.recipient === me) {
              if (!(await handle(message, at))) return { received, stoppedBy: null };
              received++;
            }
            if (!newest || resource.meta.lastUpdated > newest) newest = resource.meta.lastUpdated;
          }
          // A page with room left was the last; a full one goes on from its last update time (a
          // page all at one instant would repeat: the next pass takes what is left).
          if (entries.length < PAGE || !newest || newest === since) break;
          since = newest;
        }
      } catch (error) {
        if (!(error instanceof FhirNetworkError || error instanceof FhirRateLimitedError)) throw error;
        return { received, stoppedBy: error.message };
      } finally {
        if (newest && newest !== cursor) deps.sync.setState(CURSOR, newest);
      }
      return { received, stoppedBy: null };
    },
  };
}
