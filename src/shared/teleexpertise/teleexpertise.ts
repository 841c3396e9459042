// Asynchronous téléexpertise: the requester's question to a specialty (an act of type
// teleexpertise, with its urgency and clinical context), the messages exchanged about it (the
// expert's structured answer, a request for more information and its answer, a proposal to
// convert it to a téléconsultation), and the rules both sides derive from them: where a request
// stands, and in which order an expert's inbox shows them. Pure zod and functions.
import { z } from 'zod';
import { ProfessionalSchema, type Professional } from '../acts/encounter';
import type { Offer, Peer } from '../hub-protocol';
import { PatientIdSchema } from '../patients/patient';
import { specialtyKey } from '../scheduling/specialty-key';

/** FHIR ServiceRequest.priority, as a requester chooses it (FHIR's "stat" is read as "asap"). */
export const PrioritySchema = z.enum(['routine', 'urgent', 'asap']);
export type Priority = z.infer<typeof PrioritySchema>;

const text = (max: number) => z.string().trim().min(1, 'field.required').max(max);

export const NewExpertiseRequestSchema = z.strictObject({
  patientId: PatientIdSchema,
  /** From the directory (the hub's offers), or typed when the directory is out of reach. */
  specialty: text(100),
  /** A named expert, when the requester knows whom to ask. */
  expert: ProfessionalSchema.nullable().default(null),
  requester: ProfessionalSchema,
  site: text(200),
  question: text(2000),
  context: z.string().trim().max(10_000).default(''),
  priority: PrioritySchema,
});
export type NewExpertiseRequest = z.output<typeof NewExpertiseRequestSchema>;

/** What a téléexpertise act adds to the act: the context, the urgency, when it was sent. */
export const ExpertiseDetailsSchema = z.object({
  encounterId: z.uuid(),
  context: z.string(),
  priority: PrioritySchema,
  /** When the requester pressed "Envoyer la demande" (null: still a draft being built). */
  submittedAt: z.string().nullable(),
});
export type ExpertiseDetails = z.infer<typeof ExpertiseDetailsSchema>;

export const FollowUpSchema = z.enum(['none', 'teleconsultation', 'in_person', 'urgent_referral']);
export type FollowUp = z.infer<typeof FollowUpSchema>;

/**
 * answer: the expert's opinion; information_request: a question back to the requester;
 * teleconsultation_proposed: the expert would rather see the patient (a call);
 * information_provided: the requester's answer to a question, with more files.
 */
export const MessageKindSchema = z.enum([
  'answer',
  'information_request',
  'teleconsultation_proposed',
  'information_provided',
]);
export type MessageKind = z.infer<typeof MessageKindSchema>;

export const MessageFileSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(['auscultation', 'snapshot', 'document']),
});

export const ExpertiseMessageSchema = z.object({
  id: z.uuid(),
  /** The request's id: the act's on the requester's station, the ServiceRequest's on the server. */
  requestId: z.uuid(),
  patientId: PatientIdSchema,
  kind: MessageKindSchema,
  author: ProfessionalSchema,
  recipient: ProfessionalSchema.nullable(),
  sentAt: z.string(),
  /** The expert's opinion, or the text of a question / of the requester's answer. */
  text: z.string(),
  recommendations: z.string(),
  followUp: FollowUpSchema.nullable(),
  /** The question this message answers. */
  inResponseTo: z.uuid().nullable(),
  files: z.array(MessageFileSchema),
});
export type ExpertiseMessage = z.infer<typeof ExpertiseMessageSchema>;

/** The expert's reply, as her form sends it. */
export const ExpertReplyInputSchema = z
  .strictObject({
    requestId: z.uuid(),
    kind: z.enum(['answer', 'information_request', 'teleconsultation_proposed']),
    author: ProfessionalSchema,
    text: text(20_000),
    recommendations: z.string().trim().max(20_000).default(''),
    followUp: FollowUpSchema.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'answer' && r.followUp === null)
      ctx.addIssue({ code: 'custom', path: ['followUp'], message: 'teleexpertise.follow_up_required' });
  });
export type ExpertReplyInput = z.output<typeof ExpertReplyInputSchema>;

/** The requester's answer to the expert's question, with the files added to the act for it. */
export const ProvideInformationInputSchema = z.strictObject({
  encounterId: z.uuid(),
  inResponseTo: z.uuid(),
  author: ProfessionalSchema,
  text: text(20_000),
  attachmentIds: z.array(z.string().min(1).max(100)).max(50).default([]),
});
export type ProvideInformationInput = z.output<typeof ProvideInformationInputSchema>;

/**
 * Where a request stands. draft: being built; pending_send: sent here, still in the outbox;
 * sent: on the regional server, with the expert; information_requested: the expert asked a
 * question; answered; converted: the expert proposes a téléconsultation.
 */
export const RequestStateSchema = z.enum([
  'draft',
  'pending_send',
  'sent',
  'information_requested',
  'answered',
  'converted',
]);
export type RequestState = z.infer<typeof RequestStateSchema>;

const byTime = (a: ExpertiseMessage, b: ExpertiseMessage) =>
  a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id);

/**
 * The state follows the latest message that changes it: an answer or a conversion closes the
 * exchange; a question waits for the requester; her answer gives it back to the expert. Before
 * any message, the request is a draft, waiting in the outbox, or sent.
 */
export function requestState(input: {
  submittedAt: string | null;
  delivered: boolean;
  messages: readonly ExpertiseMessage[];
}): RequestState {
  const last = [...input.messages].sort(byTime).at(-1);
  if (last?.kind === 'answer') return 'answered';
  if (last?.kind === 'teleconsultation_proposed') return 'converted';
  if (last?.kind === 'information_request') return 'information_requested';
  if (input.submittedAt === null && !last) return 'draft';
  return input.delivered ? 'sent' : 'pending_send';
}

/** The open question of an exchange (the latest information request not yet answered), if any. */
export function openQuestion(messages: readonly ExpertiseMessage[]): ExpertiseMessage | null {
  const last = [...messages].sort(byTime).at(-1);
  return last?.kind === 'information_request' ? last : null;
}

export const InboxItemSchema = z.object({
  requestId: z.uuid(),
  patientId: z.string(),
  patientName: z.string(),
  specialty: z.string(),
  priority: PrioritySchema,
  authoredOn: z.string(),
  question: z.string(),
  requester: z.string(),
  /** Named to this expert (rather than to her specialty). */
  toMe: z.boolean(),
  /** As the expert sees it: to answer (sent), waiting for the requester, answered, converted. */
  state: RequestStateSchema,
  /** Replies written here, still in the outbox. */
  unsentReplies: z.number().int(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

const PRIORITY_RANK: Record<Priority, number> = { asap: 0, urgent: 1, routine: 2 };
/** What is still the expert's to do comes first; then the most urgent, then the oldest. */
export function inboxOrder(a: InboxItem, b: InboxItem): number {
  const todo = (i: InboxItem) => (i.state === 'sent' || i.state === 'pending_send' ? 0 : 1);
  return (
    todo(a) - todo(b) ||
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    a.authoredOn.localeCompare(b.authoredOn) ||
    a.requestId.localeCompare(b.requestId)
  );
}

/**
 * How long a request has waited, in the unit a clinician reads at a glance: minutes under an
 * hour, hours under two days, then days (always rounded down: "2 h" means at least two hours).
 */
export function waitingTime(since: string, now: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000)) || 0;
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / 1440) };
}

/**
 * The identifier system of an expert named on a request (ServiceRequest.performer.identifier):
 * her identity on the regional hub, which is her access token's subject.
 */
export const EXPERT_ID_SYSTEM = 'urn:relais:hub-peer';

/** The identifier of the expert a request names, or null when it names nobody by identifier. */
type Performer = { display?: string; identifier?: { system?: string; value?: string } };
export function namedExpertId(performer: readonly Performer[] | undefined): string | null {
  const identifier = performer?.[0]?.identifier;
  return identifier?.system === EXPERT_ID_SYSTEM && identifier.value ? identifier.value : null;
}

/**
 * Whether a request is the expert's: named to her, or to her specialty with no other expert named.
 * SECURITY: an expert is named by her identifier only, never by her name (two experts may share
 * one); a name without an identifier (typed by hand) names nobody and the request goes to its
 * specialty.
 */
export function routedTo(
  request: { specialty: string | null; expertId: string | null },
  expert: { id: string; specialty: string | null },
): { routed: boolean; toMe: boolean } {
  const toMe = request.expertId !== null && request.expertId === expert.id;
  if (toMe) return { routed: true, toMe };
  if (request.expertId !== null) return { routed: false, toMe };
  const same = (a: string, b: string) => specialtyKey(a) === specialtyKey(b);
  return {
    routed: request.specialty !== null && expert.specialty !== null && same(request.specialty, expert.specialty),
    toMe,
  };
}

/**
 * The experts a requester may name for a specialty: those connected to the hub now, of that
 * specialty or answering the directory's téléexpertise offer for it. Named by the hub's identity,
 * so two experts with one name stay two; an expert away from the hub cannot be named (the request
 * then goes to the specialty).
 */
export function nameableExperts(specialty: string, peers: readonly Peer[], offers: readonly Offer[]): Peer[] {
  const key = specialtyKey(specialty);
  if (!key) return [];
  const offered = new Set(
    offers
      .filter((o) => o.acts.includes('teleexpertise') && specialtyKey(o.specialty) === key)
      .flatMap((o) => o.experts.map((e) => e.id)),
  );
  return peers
    .filter(
      (p) => p.role === 'expert' && ((p.specialty !== null && specialtyKey(p.specialty) === key) || offered.has(p.id)),
    )
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'fr') || a.site.localeCompare(b.site, 'fr') || a.id.localeCompare(b.id),
    );
}

export const ExpertFileSchema = z.object({
  id: z.string(),
  kind: z.enum(['auscultation', 'snapshot', 'document']),
  mime: z.string(),
  title: z.string(),
  size: z.number().int().nullable(),
  takenAt: z.string().nullable(),
});
export type ExpertFile = z.infer<typeof ExpertFileSchema>;

/** A request as the expert opens it: the patient's identity traits, the question, the files, the exchange. */
export const ExpertRequestViewSchema = z.object({
  item: InboxItemSchema,
  patient: z.object({
    name: z.string(),
    birthDate: z.string().nullable(),
    sex: z.string().nullable(),
    ins: z.string().nullable(),
    identityStatus: z.string().nullable(),
  }),
  context: z.string(),
  requester: ProfessionalSchema,
  files: z.array(ExpertFileSchema),
  messages: z.array(ExpertiseMessageSchema),
});
export type ExpertRequestView = z.infer<typeof ExpertRequestViewSchema>;

/** The requester's view of her request: its details, state and exchange. */
export const RequestViewSchema = z.object({
  details: ExpertiseDetailsSchema,
  state: RequestStateSchema,
  /** A part of it (the request, a file, a message) is held back for a person: refused, or in conflict. */
  blocked: z.boolean(),
  messages: z.array(ExpertiseMessageSchema),
});
export type RequestView = z.infer<typeof RequestViewSchema>;

export type { Professional };
