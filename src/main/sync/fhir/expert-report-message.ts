// The expert's signed report, and the requesting station's receipt for it, as the FHIR
// Communications that carry them through the regional hub when no call is open (issue 21, point 4).
// Why a Communication: it is a message from her station to one station, addressed by hub subject
// (shared/addressed-message.ts), not yet a document of the act: the requesting station files it on
// its act, and its own sync sends the act's report (DocumentReference) to the region. The signed
// report travels whole, as JSON, so that the SHA-256 she signed can be checked on arrival; its text
// is there too, for a reader without Relais. Her Practitioner is the sender (by IdNatPS).
// What comes back from the server is input like any other: checked field by field.
import type { Communication } from '@medplum/fhirtypes';
import { z } from 'zod';
import {
  addressedKind,
  addressedTo,
  hubRecipient,
  STATION_MESSAGE_SYSTEM,
  type AddressedKind,
} from '../../../shared/addressed-message';
import {
  expertReportText,
  SignedExpertReportSchema,
  type SignedExpertReport,
} from '../../../shared/acts/expert-report';
import { regionWriterOf } from '../../../shared/region-source';
import { FhirMappingError, schemaProblems } from './mapping-error';
import { nameBasedUuid } from './name-based-id';
import { professionalReference } from './practitioner';
import { uuidIdentifier } from './systems';

const DISPLAY: Record<AddressedKind, string> = {
  'expert-report': 'Compte rendu signé de l’expert',
  'expert-report-filed': 'Compte rendu reçu et classé dans l’acte',
  'expert-report-refused': 'Compte rendu refusé par la station requérante',
};
const category = (kind: AddressedKind) => [
  { coding: [{ system: STATION_MESSAGE_SYSTEM, code: kind, display: DISPLAY[kind] }], text: DISPLAY[kind] },
];
const REPORT_JSON = 'application/json';

/** The report as she signed it, addressed to the requesting station (its hub subject). */
export function expertReportToCommunication(report: SignedExpertReport, station: string): Communication {
  return {
    resourceType: 'Communication',
    id: report.id,
    identifier: [uuidIdentifier(report.id)],
    status: 'completed',
    category: category('expert-report'),
    sent: report.signedAt,
    sender: professionalReference({ ...report.author, role: 'physician' }),
    recipient: [hubRecipient(station)],
    payload: [
      { contentString: expertReportText(report.sections) },
      {
        contentAttachment: {
          contentType: REPORT_JSON,
          title: `Compte rendu ${report.id} (SHA-256 ${report.sha256})`,
          data: Buffer.from(JSON.stringify(report), 'utf8').toString('base64'),
        },
      },
    ],
  };
}

/** The receipt's id: one per report, whichever pass or retry sends it. */
export const receiptIdOf = (reportId: string) => nameBasedUuid(`expert-report-receipt:${reportId}`);

export interface ReportReceipt {
  reportId: string;
  outcome: 'filed' | 'refused';
  /** Why it was refused (the rule or the field that refused it); null when filed. */
  reason: string | null;
}

/** The requesting station's answer, addressed to the expert who signed the report. */
export function receiptToCommunication(receipt: ReportReceipt, expert: string, at: string): Communication {
  const kind = receipt.outcome === 'filed' ? 'expert-report-filed' : 'expert-report-refused';
  const id = receiptIdOf(receipt.reportId);
  return {
    resourceType: 'Communication',
    id,
    identifier: [uuidIdentifier(id)],
    status: 'completed',
    category: category(kind),
    inResponseTo: [{ reference: `Communication/${receipt.reportId}` }],
    sent: at,
    recipient: [hubRecipient(expert)],
    payload: [{ contentString: receipt.reason ? `${DISPLAY[kind]} : ${receipt.reason}` : DISPLAY[kind] }],
  };
}

export type AddressedMessage =
  | { kind: 'report'; writer: string; recipient: string; report: SignedExpertReport }
  | { kind: 'receipt'; writer: string; recipient: string; receipt: ReportReceipt };

const IncomingSchema = z.object({
  resourceType: z.literal('Communication'),
  id: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/),
  meta: z.object({ source: z.string() }),
  inResponseTo: z.array(z.object({ reference: z.string() })).optional(),
  payload: z
    .array(
      z.object({
        contentString: z.string().max(40_000).optional(),
        contentAttachment: z.object({ contentType: z.string().optional(), data: z.string().max(400_000) }).optional(),
      }),
    )
    .min(1),
});

/** An addressed message as the station reads it; FhirMappingError when it is not one it can take. */
export function readAddressedMessage(resource: unknown): AddressedMessage {
  const fail = (problem: string): never => {
    throw new FhirMappingError('Communication', [problem]);
  };
  const parsed = IncomingSchema.safeParse(resource);
  if (!parsed.success) throw new FhirMappingError('Communication', schemaProblems(parsed.error.issues));
  const c = parsed.data;
  const kind = addressedKind(resource as Communication) ?? fail('its category is no addressed message');
  const recipient = addressedTo(resource as Communication) ?? fail('it names no single recipient by hub subject');
  // SECURITY: who wrote it is what the hub stamped, never what the message says of itself.
  const writer = regionWriterOf(c.meta.source) ?? fail('the hub did not stamp its writer (meta.source)');
  if (kind === 'expert-report') {
    const attachment = c.payload.find((p) => p.contentAttachment?.contentType === REPORT_JSON)?.contentAttachment;
    if (!attachment) return fail('it carries no signed report (application/json)');
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(attachment.data, 'base64').toString('utf8'));
    } catch {
      return fail('its signed report is not JSON');
    }
    const report = SignedExpertReportSchema.safeParse(json);
    if (!report.success)
      return fail(`its signed report is not valid: ${report.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    if (report.data.id !== c.id) return fail('its id is not the id of the report it carries');
    return { kind: 'report', writer, recipient, report: report.data };
  }
  const reportId =
    /^Communication\/([0-9a-f-]{36})$/.exec(c.inResponseTo?.[0]?.reference ?? '')?.[1] ??
    fail('it answers no report (inResponseTo)');
  if (c.id !== receiptIdOf(reportId)) return fail('its id is not the receipt id of the report it answers');
  const text = c.payload.find((p) => p.contentString)?.contentString ?? '';
  const outcome = kind === 'expert-report-filed' ? 'filed' : 'refused';
  const reason = outcome === 'refused' ? text.replace(`${DISPLAY[kind]} : `, '').trim() || 'refused' : null;
  return { kind: 'receipt', writer, recipient, receipt: { reportId, outcome, reason } };
}
