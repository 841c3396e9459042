// Téléexpertise on this station, written here first and sent by the outbox: the requester builds
// a request (an act of type teleexpertise with its context and urgency), adds files to its act,
// sends it (works offline: it leaves with the sync), and answers the expert's questions; the
// expert writes her replies. Every change writes the record and its outbox row in one transaction.
import { randomUUID } from 'node:crypto';
import type { Encounter, Professional } from '../../shared/acts/encounter';
import {
  openQuestion,
  requestState,
  type ExpertiseDetails,
  type ExpertReplyInput,
  type ExpertiseMessage,
  type NewExpertiseRequest,
  type ProvideInformationInput,
  type RequestView,
} from '../../shared/teleexpertise/teleexpertise';
import { AppFailure, fieldFailure } from '../contract/failure';
import { requireActConsent } from '../acts';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from '../acts';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { TeleexpertiseRepository } from './teleexpertise-repository';
import type { createEncounterService } from '../acts';

export interface TeleexpertiseDeps {
  db: Db;
  acts: ReturnType<typeof createEncounterService>;
  encounters: EncounterRepository;
  repo: TeleexpertiseRepository;
  outbox: OutboxRepository;
  /** Outbox rows still waiting for a record (0: it reached the regional server). */
  waiting: (entity: string, id: string) => number;
  /** The records held back for a person (refused by the server, or in conflict), as "entity/id". */
  heldBack: () => Set<string>;
  now: () => Date;
  onChanged: (requestId: string) => void;
}

/** Who the expert answers about: the request as the regional server showed it to her. */
export interface RequestParties {
  patientId: string;
  requester: Professional;
}

export function createTeleexpertiseService(deps: TeleexpertiseDeps) {
  const { db, repo, outbox, now } = deps;
  const requestOf = (encounterId: string): { encounter: Encounter; details: ExpertiseDetails; stored: boolean } => {
    const encounter = deps.encounters.get(encounterId);
    if (!encounter || encounter.act !== 'teleexpertise')
      throw new AppFailure('not_found', 'This téléexpertise request is not recorded on this station.');
    // A téléexpertise act opened with the general act form has no details yet: a routine request.
    const stored = repo.details(encounterId);
    return {
      encounter,
      details: stored ?? { encounterId, context: '', priority: 'routine', submittedAt: null },
      stored: stored !== null,
    };
  };
  // The act's photos leave with the request for the expert: the patient's consent to sharing them first.
  const requirePhotosConsent = (encounter: Encounter) => {
    const photos = deps.encounters.attachments(encounter.id, encounter.callId).some((a) => a.kind === 'snapshot');
    if (photos) requireActConsent(deps.encounters, encounter.id, 'image_sharing');
  };
  const writeMessage = (message: ExpertiseMessage) => {
    db.transaction(() => {
      repo.addMessage(message, 'here', message.sentAt);
      outbox.enqueue('expertise_message', message.id, 1, 'create', message.sentAt);
    }).immediate();
    deps.onChanged(message.requestId);
    return message;
  };

  return {
    /** A draft request: its files are added to its act next, then it is sent. */
    create(input: NewExpertiseRequest): Encounter {
      return db
        .transaction(() => {
          const encounter = deps.acts.create({
            patientId: input.patientId,
            act: 'teleexpertise',
            assisted: false,
            requester: input.requester,
            expert: input.expert,
            site: input.site,
            // The expert's site is not known when the request leaves (any expert of the specialty may answer).
            siteCommune: null,
            specialty: input.specialty,
            reason: input.question,
            callId: null,
          });
          repo.insertDetails({
            encounterId: encounter.id,
            context: input.context,
            priority: input.priority,
            submittedAt: null,
          });
          return encounter;
        })
        .immediate();
    },

    view(encounterId: string): RequestView {
      const { encounter, details } = requestOf(encounterId);
      const messages = repo.messages(encounterId);
      const mine = [
        ['service_request', encounterId],
        ...deps.encounters.attachments(encounterId, encounter.callId).map((a) => ['attachment', a.id]),
        ...messages.map((m) => ['expertise_message', m.id]),
      ];
      const delivered = mine.every(([entity, id]) => deps.waiting(entity!, id!) === 0);
      const held = deps.heldBack();
      const blocked = [...mine, ['encounter', encounterId]].some(([entity, id]) => held.has(`${entity}/${id}`));
      return {
        details,
        messages,
        blocked,
        state: requestState({ submittedAt: details.submittedAt, delivered, messages }),
      };
    },

    /**
     * "Envoyer la demande": works offline; the request leaves with the sync. The patient's
     * consent to the act is recorded with it when the requester confirms it (the act cannot start
     * without it), and the act starts: its ServiceRequest becomes active for the expert.
     */
    submit(encounterId: string, version: number, consentBy: string | null): RequestView {
      db.transaction(() => {
        const { encounter, details, stored } = requestOf(encounterId);
        if (details.submittedAt !== null) throw fieldFailure('encounterId', 'teleexpertise.already_sent');
        if (encounter.status !== 'draft') throw fieldFailure('encounterId', 'teleexpertise.not_draft');
        requirePhotosConsent(encounter);
        if (!stored) repo.insertDetails(details);
        const at = now().toISOString();
        // The screen's words: "Le patient a été informé et consent à cette téléexpertise" (R6316-2): the patient's own.
        if (consentBy)
          deps.acts.addConsent({
            encounterId,
            scope: 'act',
            decision: 'given',
            givenBy: { kind: 'patient' },
            collectedBy: consentBy,
            collectedAt: at,
          });
        // Submitting is recorded before the act moves, so that its ServiceRequest (sent at the
        // act's new version) carries the sending time.
        repo.submit(encounterId, at);
        deps.acts.setStatus(encounterId, version, 'in_progress');
      }).immediate();
      deps.onChanged(encounterId);
      return this.view(encounterId);
    },

    /** The requester answers the expert's question, with files added to the act for it. */
    provideInformation(input: ProvideInformationInput): ExpertiseMessage {
      const { encounter, details } = requestOf(input.encounterId);
      if (details.submittedAt === null) throw fieldFailure('encounterId', 'teleexpertise.not_sent');
      const question = repo.message(input.inResponseTo);
      if (!question || question.requestId !== input.encounterId || question.kind !== 'information_request')
        throw fieldFailure('inResponseTo', 'teleexpertise.no_such_question');
      if (openQuestion(repo.messages(input.encounterId))?.id !== question.id)
        throw fieldFailure('inResponseTo', 'teleexpertise.question_answered');
      const actFiles = new Map(deps.encounters.attachments(encounter.id, encounter.callId).map((a) => [a.id, a]));
      const files = input.attachmentIds.map((id) => {
        const file = actFiles.get(id);
        if (!file) throw fieldFailure('attachmentIds', 'teleexpertise.file_not_of_act');
        return { id, kind: file.kind };
      });
      if (files.some((f) => f.kind === 'snapshot')) requireActConsent(deps.encounters, encounter.id, 'image_sharing');
      return writeMessage({
        id: randomUUID(),
        requestId: encounter.id,
        patientId: encounter.patientId,
        kind: 'information_provided',
        author: input.author,
        recipient: question.author,
        sentAt: now().toISOString(),
        text: input.text,
        recommendations: '',
        followUp: null,
        inResponseTo: question.id,
        files,
      });
    },

    /** The expert's reply (answer, question, or a proposal to convert to a téléconsultation). */
    reply(input: ExpertReplyInput, parties: RequestParties): ExpertiseMessage {
      return writeMessage({
        id: randomUUID(),
        requestId: input.requestId,
        patientId: parties.patientId,
        kind: input.kind,
        author: input.author,
        recipient: parties.requester,
        sentAt: now().toISOString(),
        text: input.text,
        recommendations: input.kind === 'answer' ? input.recommendations : '',
        followUp:
          input.kind === 'answer'
            ? input.followUp
            : input.kind === 'teleconsultation_proposed'
              ? 'teleconsultation'
              : null,
        inResponseTo: null,
        files: [],
      });
    },

    /** The directory's specialties: those offered now, and those seen before (offline). */
    specialties(offered: readonly string[]): string[] {
      if (offered.length > 0) repo.rememberSpecialties(offered, now().toISOString());
      return [...new Set([...offered, ...repo.specialties()])].sort((a, b) => a.localeCompare(b, 'fr'));
    },
  };
}
export type TeleexpertiseService = ReturnType<typeof createTeleexpertiseService>;
