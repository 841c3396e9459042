// The documents the expert signs after the call, and the requesting station's receipt for each, as
// the FHIR Communications that carry them through the regional hub when no call is open (issue 21,
// points 4 and 5): her report and her prescriptions. Why a Communication: it is a message from her
// station to one station, addressed by hub subject (shared/addressed-message.ts), not yet a document
// of the act: the requesting station files it on its act, and its own sync sends the act's report
// (DocumentReference) and orders (MedicationRequest, ServiceRequest) to the region. The signed
// document travels whole, as JSON, so that the SHA-256 she signed can be checked on arrival; its
// text is there too, for a reader without Relais. Her Practitioner is the sender (by IdNatPS).
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
import { SignedPrescriptionSchema, type SignedPrescription } from '../../../shared/acts/prescription';
import { prescriptionText } from '../../../shared/acts/prescription-words';
import { regionWriterOf } from '../../../shared/region-source';
import { FhirMappingError, schemaProblems } from './mapping-error';
import { nameBasedUuid } from './name-based-id';
import { professionalReference } from './practitioner';
import { uuidIdentifier } from './systems';

const DISPLAY: Record<AddressedKind, string> = {
  'expert-report': 'Compte rendu signé de l’expert',
  'expert-report-filed': 'Compte rendu reçu et classé dans l’acte',
  'expert-report-refused': 'Compte rendu refusé par la station requérante',
  'expert-prescription': 'Ordonnance signée de l’expert',
  'expert-prescription-filed': 'Ordonnance reçue et classée dans l’acte',
  'expert-prescription-refused': 'Ordonnance refusée par la station requérante',
};

/** The documents she signs, and the kinds of the messages that carry them and answer them. */
export type SignedDocument = 'report' | 'prescription';
const KINDS = {
  report: { message: 'expert-report', filed: 'expert-report-filed', refused: 'expert-report-refused' },
  prescription: {
    message: 'expert-prescription',
    filed: 'expert-prescription-filed',
    refused: 'expert-prescription-refused',
  },
} as const satisfies Record<SignedDocument, Record<string, AddressedKind>>;
const category = (kind: AddressedKind) => [
  { coding: [{ system: STATION_MESSAGE_SYSTEM, code: kind, display: DISPLAY[kind] }], text: DISPLAY[kind] },
];
const SIGNED_JSON = 'application/json';

type Signed = SignedExpertReport | SignedPrescription;

/** What she signed, addressed to the requesting station (its hub subject). */
function signedToCommunication(document: SignedDocument, signed: Signed, text: string, station: string): Communication {
  const title = document === 'report' ? 'Compte rendu' : 'Ordonnance';
  return {
    resourceType: 'Communication',
    id: signed.id,
    identifier: [uuidIdentifier(signed.id)],
    status: 'completed',
    category: category(KINDS[document].message),
    sent: signed.signedAt,
    sender: professionalReference({ ...signed.author, role: 'physician' }),
    recipient: [hubRecipient(station)],
    payload: [
      { contentString: text },
      {
        contentAttachment: {
          contentType: SIGNED_JSON,
          title: `${title} ${signed.id} (SHA-256 ${signed.sha256})`,
          data: Buffer.from(JSON.stringify(signed), 'utf8').toString('base64'),
        },
      },
    ],
  };
}

export const expertReportToCommunication = (report: SignedExpertReport, station: string) =>
  signedToCommunication('report', report, expertReportText(report.sections), station);

export const expertPrescriptionToCommunication = (prescription: SignedPrescription, station: string) =>
  signedToCommunication('prescription', prescription, prescriptionText(prescription.lines), station);

/** The receipt's id: one per document, whichever pass or retry sends it. */
export const receiptIdOf = (document: SignedDocument, id: string) => nameBasedUuid(`expert-${document}-receipt:${id}`);

export interface DocumentReceipt {
  document: SignedDocument;
  id: string;
  outcome: 'filed' | 'refused';
  /** Why it was refused (the rule or the field that refused it); null when filed. */
  reason: string | null;
}

/** The requesting station's answer, addressed to the expert who signed the document. */
export function receiptToCommunication(receipt: DocumentReceipt, expert: string, at: string): Communication {
  const kind = KINDS[receipt.document][receipt.outcome];
  const id = receiptIdOf(receipt.document, receipt.id);
  return {
    resourceType: 'Communication',
    id,
    identifier: [uuidIdentifier(id)],
    status: 'completed',
    category: category(kind),
    inResponseTo: [{ reference: `Communication/${receipt.id}` }],
    sent: at,
    recipient: [hubRecipient(expert)],
    payload: [{ contentString: receipt.reason ? `${DISPLAY[kind]} : ${receipt.reason}` : DISPLAY[kind] }],
  };
}

export type AddressedMessage =
  | { kind: 'report'; writer: string; recipient: string; report: SignedExpertReport }
  | { kind: 'prescription'; writer: string; recipient: string; prescription: SignedPrescription }
  | { kind: 'receipt'; writer: string; recipient: string; receipt: DocumentReceipt };

const documentOf = (kind: AddressedKind): SignedDocument =>
  kind.startsWith('expert-report') ? 'report' : 'prescription';

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
  const document = documentOf(kind);
  if (kind === KINDS[document].message) {
    const attachment = c.payload.find((p) => p.contentAttachment?.contentType === SIGNED_JSON)?.contentAttachment;
    if (!attachment) return fail(`it carries no signed ${document} (application/json)`);
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(attachment.data, 'base64').toString('utf8'));
    } catch {
      return fail(`its signed ${document} is not JSON`);
    }
    const signed =
      document === 'report' ? SignedExpertReportSchema.safeParse(json) : SignedPrescriptionSchema.safeParse(json);
    if (!signed.success)
      return fail(
        `its signed ${document} is not valid: ${signed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    if (signed.data.id !== c.id) return fail(`its id is not the id of the ${document} it carries`);
    return document === 'report'
      ? { kind: 'report', writer, recipient, report: signed.data as SignedExpertReport }
      : { kind: 'prescription', writer, recipient, prescription: signed.data as SignedPrescription };
  }
  const id =
    /^Communication\/([0-9a-f-]{36})$/.exec(c.inResponseTo?.[0]?.reference ?? '')?.[1] ??
    fail(`it answers no ${document} (inResponseTo)`);
  if (c.id !== receiptIdOf(document, id)) return fail(`its id is not the receipt id of the ${document} it answers`);
  const text = c.payload.find((p) => p.contentString)?.contentString ?? '';
  const outcome = kind === KINDS[document].filed ? 'filed' : 'refused';
  const reason = outcome === 'refused' ? text.replace(`${DISPLAY[kind]} : `, '').trim() || 'refused' : null;
  return { kind: 'receipt', writer, recipient, receipt: { document, id, outcome, reason } };
}
