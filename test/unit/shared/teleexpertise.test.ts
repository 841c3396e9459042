// Where a téléexpertise request stands for the requester and the expert, the inbox's order, and
// which requests reach which expert.
import { describe, expect, it } from 'vitest';
import {
  EXPERT_ID_SYSTEM,
  ExpertReplyInputSchema,
  inboxOrder,
  nameableExperts,
  namedExpertId,
  openQuestion,
  requestState,
  routedTo,
  waitingTime,
  type ExpertiseMessage,
  type InboxItem,
} from '../../../src/shared/teleexpertise/teleexpertise';
import { specialtyKey } from '../../../src/shared/scheduling/specialty-key';
import { anOffer } from '../../helpers/offers';

const expert = { name: 'Dr Le Goff', role: 'physician' as const, rpps: null, specialty: 'dermatologie' };
const nurse = { name: 'IDE Morvan', role: 'nurse' as const, rpps: null, specialty: null };
let n = 0;
const message = (kind: ExpertiseMessage['kind'], sentAt: string): ExpertiseMessage => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  requestId: '11111111-1111-4111-8111-111111111111',
  patientId: '22222222-2222-4222-8222-222222222222',
  kind,
  author: kind === 'information_provided' ? nurse : expert,
  recipient: null,
  sentAt,
  text: 'x',
  recommendations: '',
  followUp: null,
  inResponseTo: null,
  files: [],
});

describe('requestState', () => {
  const sent = '2026-11-23T09:00:00.000Z';
  it('is a draft until sent, then waits in the outbox, then is with the expert', () => {
    expect(requestState({ submittedAt: null, delivered: false, messages: [] })).toBe('draft');
    expect(requestState({ submittedAt: sent, delivered: false, messages: [] })).toBe('pending_send');
    expect(requestState({ submittedAt: sent, delivered: true, messages: [] })).toBe('sent');
  });

  it('follows the latest message: a question, its answer, the opinion', () => {
    const question = message('information_request', '2026-11-23T10:00:00.000Z');
    const answer = message('information_provided', '2026-11-23T11:00:00.000Z');
    const opinion = message('answer', '2026-11-23T12:00:00.000Z');
    expect(requestState({ submittedAt: sent, delivered: true, messages: [question] })).toBe('information_requested');
    // Her answer still in the outbox: waiting to be sent; once sent, it is the expert's again.
    expect(requestState({ submittedAt: sent, delivered: false, messages: [question, answer] })).toBe('pending_send');
    expect(requestState({ submittedAt: sent, delivered: true, messages: [answer, question] })).toBe('sent');
    // Whatever the order they arrive in.
    expect(requestState({ submittedAt: sent, delivered: true, messages: [opinion, question, answer] })).toBe(
      'answered',
    );
    expect(
      requestState({
        submittedAt: sent,
        delivered: true,
        messages: [message('teleconsultation_proposed', '2026-11-23T13:00:00.000Z'), opinion],
      }),
    ).toBe('converted');
  });

  it('finds the open question, and none once it is answered', () => {
    const question = message('information_request', '2026-11-23T10:00:00.000Z');
    expect(openQuestion([question])?.id).toBe(question.id);
    expect(openQuestion([question, message('information_provided', '2026-11-23T10:30:00.000Z')])).toBeNull();
    expect(openQuestion([])).toBeNull();
  });
});

describe('the expert’s inbox', () => {
  const item = (
    requestId: string,
    priority: InboxItem['priority'],
    authoredOn: string,
    state: InboxItem['state'] = 'sent',
  ): InboxItem => ({
    requestId,
    patientId: 'p',
    patientName: 'X',
    specialty: 'dermatologie',
    priority,
    authoredOn,
    question: 'q',
    requester: 'r',
    toMe: false,
    state,
    unsentReplies: 0,
  });
  it('puts what is still to answer first, then the most urgent, then the oldest', () => {
    const items = [
      item('a', 'routine', '2026-11-20T08:00:00.000Z'),
      item('b', 'asap', '2026-11-23T08:00:00.000Z', 'answered'),
      item('c', 'urgent', '2026-11-23T09:00:00.000Z'),
      item('d', 'urgent', '2026-11-22T09:00:00.000Z'),
      item('e', 'asap', '2026-11-23T10:00:00.000Z'),
      item('f', 'routine', '2026-11-19T08:00:00.000Z', 'information_requested'),
    ];
    expect(items.sort(inboxOrder).map((i) => i.requestId)).toEqual(['e', 'd', 'c', 'a', 'b', 'f']);
  });

  it('routes a request to its specialty whatever the case or accents, or to the expert named by her identifier', () => {
    const me = { id: 'dr-le-goff', specialty: 'Dermatologie' };
    expect(specialtyKey(' Gériatrie  aiguë ')).toBe('geriatrie-aigue');
    expect(routedTo({ specialty: 'dermatologie', expertId: null }, me)).toEqual({ routed: true, toMe: false });
    expect(routedTo({ specialty: 'cardiologie', expertId: null }, me)).toEqual({ routed: false, toMe: false });
    expect(routedTo({ specialty: 'cardiologie', expertId: 'dr-le-goff' }, me)).toEqual({ routed: true, toMe: true });
    // Named to a colleague of the same specialty (whatever her name): hers, not this expert's.
    expect(routedTo({ specialty: 'dermatologie', expertId: 'dr-le-goff-2' }, me).routed).toBe(false);
    expect(routedTo({ specialty: 'dermatologie', expertId: null }, { id: 'dr-x', specialty: null }).routed).toBe(false);
  });

  it('reads the named expert from her identifier only, never from a name', () => {
    expect(
      namedExpertId([{ display: 'Dr Le Goff', identifier: { system: EXPERT_ID_SYSTEM, value: 'dr-le-goff' } }]),
    ).toBe('dr-le-goff');
    // A name typed by hand, or another system's identifier, names nobody: the specialty decides.
    expect(namedExpertId([{ display: 'Dr Le Goff' }])).toBeNull();
    expect(namedExpertId([{ identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810001234567' } }])).toBeNull();
    expect(namedExpertId(undefined)).toBeNull();
  });

  it('offers to name the experts of the specialty connected now, each by her hub identity', () => {
    const peer = (id: string, name: string, specialty: string | null, role: 'expert' | 'station' = 'expert') => ({
      id,
      role,
      name,
      site: `site ${id}`,
      specialty,
      availability: 'available' as const,
    });
    const peers = [
      peer('dr-b', 'Dr Le Goff', 'Dermatologie'),
      peer('dr-a', 'Dr Le Goff', 'dermatologie'),
      peer('dr-n', 'Dr Neuro', 'neurologie'),
      peer('dr-g', 'Dr Généraliste', null),
      peer('cart-1', 'Chariot', null, 'station'),
    ];
    const offers = [
      anOffer({
        id: 'o',
        specialty: 'Dermatologie',
        hospital: 'CHU',
        acts: ['teleexpertise'],
        experts: ['dr-g'],
        urgent: false,
      }),
    ];
    // Two experts with one name stay two (their identifiers differ); the offer's expert is one too.
    expect(nameableExperts(' dermatologie ', peers, offers).map((p) => p.id)).toEqual(['dr-g', 'dr-a', 'dr-b']);
    expect(nameableExperts('neurologie', peers, offers).map((p) => p.id)).toEqual(['dr-n']);
    expect(nameableExperts('', peers, offers)).toEqual([]);
  });

  it('says how long a request has waited in minutes, hours, then days', () => {
    const now = Date.parse('2026-11-23T12:00:00.000Z');
    expect(waitingTime('2026-11-23T11:59:30.000Z', now)).toEqual({ unit: 'minutes', count: 0 });
    expect(waitingTime('2026-11-23T11:01:00.000Z', now)).toEqual({ unit: 'minutes', count: 59 });
    expect(waitingTime('2026-11-23T10:00:00.000Z', now)).toEqual({ unit: 'hours', count: 2 });
    expect(waitingTime('2026-11-21T12:01:00.000Z', now)).toEqual({ unit: 'hours', count: 47 });
    expect(waitingTime('2026-11-20T11:00:00.000Z', now)).toEqual({ unit: 'days', count: 3 });
    // A clock ahead of the station's, or no date at all: never a negative or absurd age.
    expect(waitingTime('2026-11-23T12:05:00.000Z', now)).toEqual({ unit: 'minutes', count: 0 });
    expect(waitingTime('', now)).toEqual({ unit: 'minutes', count: 0 });
  });

  it('asks for the follow-up with an answer, not with a question', () => {
    const base = { requestId: '11111111-1111-4111-8111-111111111111', author: expert, text: 'Avis' };
    const missing = ExpertReplyInputSchema.safeParse({ ...base, kind: 'answer' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['followUp'], message: 'teleexpertise.follow_up_required' });
    expect(ExpertReplyInputSchema.safeParse({ ...base, kind: 'answer', followUp: 'in_person' }).success).toBe(true);
    expect(ExpertReplyInputSchema.safeParse({ ...base, kind: 'information_request' }).success).toBe(true);
  });
});
