// A téléexpertise message <-> FHIR R4 Communication. Why a Communication: the expert's answer is
// a message about the request rather than a new clinical document (the report, signed later, is
// one), and Communication says exactly that: basedOn the ServiceRequest (the request's id), about
// the patient (subject) and the act (encounter: the requester's act shares the request's id),
// from a sender to a recipient (the expert and the requester, by IdNatPS when known), answering
// an earlier message (inResponseTo: the requester's answer to a question). What kind of message it
// is goes in category (answer, information-request, teleconsultation-proposed,
// information-provided), so that either side reads the exchange's state from the messages alone,
// without anyone writing over the requester's ServiceRequest. The structured reply keeps its parts
// apart: one payload per part (opinion, recommendations, follow-up) marked by a local extension,
// the follow-up also coded; files added with an answer are payload references to their Media or
// DocumentReference. It is always in words first: a server or reader without our extensions still
// shows each part as text.
import type { Communication, CommunicationPayload } from '@medplum/fhirtypes';
import { z } from 'zod';
import type { Professional } from '../../../shared/acts/encounter';
import {
  FollowUpSchema,
  MessageKindSchema,
  type ExpertiseMessage,
  type FollowUp,
  type MessageKind,
} from '../../../shared/teleexpertise/teleexpertise';
import { FhirMappingError, schemaProblems } from './mapping-error';
import { professionalReference } from './practitioner';
import { EXTENSION, SYSTEM, uuidIdentifier } from './systems';

const KIND_CODE: Record<MessageKind, string> = {
  answer: 'answer',
  information_request: 'information-request',
  teleconsultation_proposed: 'teleconsultation-proposed',
  information_provided: 'information-provided',
};
const KIND_DISPLAY: Record<MessageKind, string> = {
  answer: 'Avis de l’expert',
  information_request: 'Demande d’informations complémentaires',
  teleconsultation_proposed: 'Proposition de téléconsultation',
  information_provided: 'Informations complémentaires du requérant',
};
export const FOLLOW_UP_DISPLAY: Record<FollowUp, string> = {
  none: 'Pas de suivi particulier',
  teleconsultation: 'Téléconsultation',
  in_person: 'Consultation en présentiel',
  urgent_referral: 'Adressage en urgence',
};

const part = (code: 'opinion' | 'recommendations' | 'follow-up' | 'text', text: string): CommunicationPayload => ({
  extension: [{ url: EXTENSION.replyPart, valueCode: code }],
  contentString: text,
});

export function messageToCommunication(m: ExpertiseMessage): Communication {
  const payload: CommunicationPayload[] = [];
  if (m.kind === 'answer') {
    payload.push(part('opinion', m.text));
    if (m.recommendations) payload.push(part('recommendations', m.recommendations));
  } else {
    payload.push(part('text', m.text));
  }
  if (m.followUp) {
    payload.push({
      extension: [
        { url: EXTENSION.replyPart, valueCode: 'follow-up' },
        {
          url: EXTENSION.followUp,
          valueCoding: { system: SYSTEM.followUp, code: m.followUp, display: FOLLOW_UP_DISPLAY[m.followUp] },
        },
      ],
      contentString: `Suivi : ${FOLLOW_UP_DISPLAY[m.followUp]}`,
    });
  }
  for (const f of m.files)
    payload.push({
      contentReference: { reference: `${f.kind === 'document' ? 'DocumentReference' : 'Media'}/${f.id}` },
    });
  return {
    resourceType: 'Communication',
    id: m.id,
    identifier: [uuidIdentifier(m.id)],
    basedOn: [{ reference: `ServiceRequest/${m.requestId}` }],
    ...(m.inResponseTo ? { inResponseTo: [{ reference: `Communication/${m.inResponseTo}` }] } : {}),
    status: 'completed',
    category: [
      {
        coding: [{ system: SYSTEM.expertiseMessage, code: KIND_CODE[m.kind], display: KIND_DISPLAY[m.kind] }],
        text: KIND_DISPLAY[m.kind],
      },
    ],
    subject: { reference: `Patient/${m.patientId}` },
    encounter: { reference: `Encounter/${m.requestId}` },
    sent: m.sentAt,
    sender: professionalReference(m.author),
    ...(m.recipient ? { recipient: [professionalReference(m.recipient)] } : {}),
    payload,
  };
}

// What comes back from the server is input like any other: checked field by field.
const UUID_REF = (type: string) =>
  z
    .string()
    .regex(new RegExp(`^${type}/[0-9a-f-]{36}$`))
    .transform((r) => r.slice(type.length + 1));
const RefSchema = z.object({
  display: z.string().trim().min(1).max(200),
  identifier: z.object({ system: z.string(), value: z.string() }).optional(),
});
const IncomingSchema = z.object({
  resourceType: z.literal('Communication'),
  id: z.uuid(),
  basedOn: z.array(z.object({ reference: z.string() })).min(1),
  inResponseTo: z.array(z.object({ reference: UUID_REF('Communication') })).optional(),
  category: z
    .array(
      z.object({
        coding: z.array(z.object({ system: z.string().optional(), code: z.string().optional() })).optional(),
      }),
    )
    .min(1),
  subject: z.object({ reference: UUID_REF('Patient') }),
  sent: z.iso.datetime({ offset: true }),
  sender: RefSchema,
  recipient: z.array(RefSchema).optional(),
  payload: z
    .array(
      z.object({
        extension: z
          .array(
            z.object({
              url: z.string(),
              valueCode: z.string().optional(),
              valueCoding: z.object({ system: z.string().optional(), code: z.string().optional() }).optional(),
            }),
          )
          .optional(),
        contentString: z.string().max(20_000).optional(),
        contentReference: z.object({ reference: z.string() }).optional(),
      }),
    )
    .min(1),
});

function professional(ref: z.infer<typeof RefSchema>): Professional {
  const id = ref.identifier?.system === SYSTEM.idNatPs ? ref.identifier.value : '';
  return { name: ref.display, role: 'physician', rpps: /^8\d{11}$/.test(id) ? id.slice(1) : null, specialty: null };
}

/** A Communication of a téléexpertise exchange, as the station keeps it; FhirMappingError when it is not one. */
export function communicationToMessage(resource: unknown): ExpertiseMessage {
  const parsed = IncomingSchema.safeParse(resource);
  if (!parsed.success) throw new FhirMappingError('Communication', schemaProblems(parsed.error.issues));
  const c = parsed.data;
  const requestId = c.basedOn.map((b) => /^ServiceRequest\/([0-9a-f-]{36})$/.exec(b.reference)?.[1]).find(Boolean);
  const code = c.category.flatMap((x) => x.coding ?? []).find((x) => x.system === SYSTEM.expertiseMessage)?.code;
  const kind = MessageKindSchema.safeParse(Object.entries(KIND_CODE).find(([, v]) => v === code)?.[0]);
  const problems = [
    ...(requestId ? [] : ['it is based on no ServiceRequest']),
    ...(kind.success ? [] : [`its category "${code ?? 'none'}" is no téléexpertise message`]),
  ];
  if (problems.length > 0) throw new FhirMappingError('Communication', problems);
  const partOf = (name: string) =>
    c.payload.filter((p) => p.extension?.some((x) => x.url === EXTENSION.replyPart && x.valueCode === name));
  const texts = (name: string) =>
    partOf(name)
      .map((p) => p.contentString ?? '')
      .join('\n\n');
  const followUpCode = partOf('follow-up')
    .flatMap((p) => p.extension ?? [])
    .find((x) => x.valueCoding?.system === SYSTEM.followUp)?.valueCoding?.code;
  const followUp = FollowUpSchema.safeParse(followUpCode);
  // Parts without our marks (another system's message) are read as plain text.
  const unmarked = c.payload
    .filter((p) => !p.extension?.some((x) => x.url === EXTENSION.replyPart) && p.contentString)
    .map((p) => p.contentString!)
    .join('\n\n');
  const files = c.payload.flatMap((p) => {
    const m = /^(Media|DocumentReference)\/([A-Za-z0-9.-]{1,64})$/.exec(p.contentReference?.reference ?? '');
    return m ? [{ id: m[2]!, kind: m[1] === 'DocumentReference' ? ('document' as const) : ('snapshot' as const) }] : [];
  });
  return {
    id: c.id,
    requestId: requestId!,
    patientId: c.subject.reference,
    kind: kind.data!,
    author: professional(c.sender),
    recipient: c.recipient?.[0] ? professional(c.recipient[0]) : null,
    sentAt: c.sent,
    text: [texts('opinion'), texts('text'), unmarked].filter(Boolean).join('\n\n'),
    recommendations: texts('recommendations'),
    followUp: followUp.success ? followUp.data : null,
    inResponseTo: c.inResponseTo?.[0]?.reference ?? null,
    files,
  };
}
