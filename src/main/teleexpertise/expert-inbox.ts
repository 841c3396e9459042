// The expert's inbox, read from the regional FHIR server: the téléexpertise requests routed to
// her specialty (token search on the ServiceRequest's coded specialty) or named to her (by her
// hub identity, never her name), with
// their urgency and age and where each exchange stands (its Communications, and her replies
// still in this station's outbox). Opening one reads the patient's identity traits, the context
// and the act's files; a file's bytes are fetched here, in the main process, with the station's
// token, and handed to the page as data: the token never reaches the page.
//
// SECURITY: the hub enforces who reads what (src/hub/fhir-access.ts): an expert's token reads
// only the requests routed to her specialty or named to her, their patients, files and messages;
// this station shows what that same rule (routedTo) gives her.
import type { Bundle, DocumentReference, Media, Patient, Resource, ServiceRequest } from '@medplum/fhirtypes';
import { createHash } from 'node:crypto';
import type { Professional } from '../../shared/acts/encounter';
import type { Peer } from '../../shared/hub-protocol';
import {
  inboxOrder,
  namedExpertId,
  PrioritySchema,
  requestState,
  routedTo,
  type ExpertFile,
  type ExpertiseMessage,
  type ExpertRequestView,
  type InboxItem,
} from '../../shared/teleexpertise/teleexpertise';
import { specialtyKey } from '../../shared/scheduling/specialty-key';
import { AppFailure } from '../contract/failure';
import type { TeleexpertiseRepository } from './teleexpertise-repository';
import { communicationToMessage } from '../sync';
import { FhirMappingError } from '../sync';
import { SHA256_SYSTEM } from '../sync';
import { SYSTEM } from '../sync';
import { FhirNetworkError, type FhirAnswer, type FhirClient } from '../sync';
import type { RequestParties } from './teleexpertise-service';

/** Larger files are not shown on screen (a photo or a sound is far smaller). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface ExpertInboxDeps {
  client: FhirClient | null;
  /** This station as the hub knows it (name, specialty), once welcomed. */
  identity: () => Peer | null;
  repo: TeleexpertiseRepository;
  /** Outbox rows still waiting for a record. */
  waiting: (entity: string, id: string) => number;
  /** The region's upload endpoint as this station knows it, and the token to read it. */
  uploadsUrl: string | null;
  /** The current hub token, read at each download (it rotates). */
  token: (() => string) | null;
  fetch?: typeof fetch;
}

const unavailable = (why: string) =>
  new AppFailure('hub_unavailable', `The regional server cannot be read now (${why}): try again in a moment.`);

function professionalOf(ref: ServiceRequest['requester'] | undefined): Professional {
  const id = ref?.identifier?.system === SYSTEM.idNatPs ? (ref.identifier.value ?? '') : '';
  return {
    name: ref?.display?.trim() || 'Requérant',
    role: 'other',
    rpps: /^8\d{11}$/.test(id) ? id.slice(1) : null,
    specialty: null,
  };
}
const patientIdOf = (sr: ServiceRequest) => /^Patient\/([0-9a-f-]{36})$/.exec(sr.subject?.reference ?? '')?.[1] ?? null;

function patientName(p: Patient | null): string {
  const name = p?.name?.find((n) => n.use === 'official') ?? p?.name?.[0];
  if (!name) return 'Patient (identité non lue)';
  return [name.family?.toUpperCase(), ...(name.given ?? [])].filter(Boolean).join(' ');
}

export function createExpertInbox(deps: ExpertInboxDeps) {
  const doFetch = deps.fetch ?? fetch;
  /** What the expert's replies need, for the requests she has seen in this run. */
  const seen = new Map<string, RequestParties & { item: InboxItem }>();

  const client = (): FhirClient => {
    if (!deps.client)
      throw new AppFailure(
        'hub_unavailable',
        'No regional FHIR server is configured on this station: it has no téléexpertise inbox.',
      );
    return deps.client;
  };
  async function ask(call: Promise<FhirAnswer>): Promise<FhirAnswer> {
    try {
      const answer = await call;
      if (answer.status >= 500 || answer.status === 401 || answer.status === 403 || answer.status === 429)
        throw unavailable(`it answered ${answer.status}`);
      return answer;
    } catch (error) {
      if (error instanceof FhirNetworkError) throw unavailable('no answer');
      throw error;
    }
  }
  async function search<T extends Resource>(type: string, query: Record<string, string>): Promise<T[]> {
    const answer = await ask(client().search(type, query));
    const bundle = answer.resource as Bundle | null;
    if (answer.status !== 200 || bundle?.resourceType !== 'Bundle')
      throw unavailable(`it answered ${answer.status} to a search`);
    return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);
  }
  async function read<T extends Resource>(type: string, id: string): Promise<T | null> {
    const answer = await ask(client().read(type, id));
    return answer.status === 200 && answer.resource?.resourceType === type ? (answer.resource as T) : null;
  }

  /** The server's messages about these requests, and this station's own not yet sent, once each. */
  async function messagesOf(ids: string[]): Promise<Map<string, ExpertiseMessage[]>> {
    const byRequest = new Map<string, Map<string, ExpertiseMessage>>(ids.map((id) => [id, new Map()]));
    for (let i = 0; i < ids.length; i += 50) {
      const found = await search('Communication', {
        'based-on': ids
          .slice(i, i + 50)
          .map((id) => `ServiceRequest/${id}`)
          .join(','),
        _count: '1000',
      });
      for (const c of found) {
        try {
          const m = communicationToMessage(c);
          byRequest.get(m.requestId)?.set(m.id, m);
        } catch (error) {
          if (!(error instanceof FhirMappingError)) throw error; // another system's message: not shown
        }
      }
    }
    for (const id of ids) for (const m of deps.repo.messages(id)) byRequest.get(id)?.set(m.id, m);
    return new Map([...byRequest].map(([id, m]) => [id, [...m.values()]]));
  }

  function itemOf(
    sr: ServiceRequest & { id: string },
    patient: Patient | null,
    messages: ExpertiseMessage[],
    toMe: boolean,
  ): InboxItem {
    const priority = PrioritySchema.safeParse(sr.priority === 'stat' ? 'asap' : sr.priority);
    return {
      requestId: sr.id,
      patientId: patientIdOf(sr) ?? '',
      patientName: patientName(patient),
      specialty: sr.performerType?.text ?? sr.performerType?.coding?.[0]?.code ?? '',
      priority: priority.success ? priority.data : 'routine',
      authoredOn: sr.authoredOn ?? sr.meta?.lastUpdated ?? '',
      question: sr.reasonCode?.[0]?.text ?? '',
      requester: sr.requester?.display ?? '',
      toMe,
      state: requestState({ submittedAt: sr.authoredOn ?? null, delivered: true, messages }),
      unsentReplies: messages.filter((m) => deps.waiting('expertise_message', m.id) > 0).length,
    };
  }

  function expert(): Peer {
    const you = deps.identity();
    if (!you)
      throw new AppFailure(
        'hub_unavailable',
        'The regional hub has not told this station who it is yet (not connected): the inbox needs the expert’s specialty.',
      );
    return you;
  }

  async function patients(ids: string[]): Promise<Map<string, Patient | null>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => read<Patient>('Patient', id)));
    return new Map(unique.map((id, i) => [id, found[i] ?? null]));
  }

  return {
    async list(): Promise<InboxItem[]> {
      const you = expert();
      if (!you.specialty) return [];
      const requests = (
        await search<ServiceRequest>('ServiceRequest', {
          'performer-type': `${SYSTEM.specialty}|${specialtyKey(you.specialty)}`,
          status: 'active',
          _count: '500',
        })
      ).filter((sr): sr is ServiceRequest & { id: string } => typeof sr.id === 'string' && patientIdOf(sr) !== null);
      const routed = requests.flatMap((sr) => {
        const r = routedTo({ specialty: sr.performerType?.text ?? null, expertId: namedExpertId(sr.performer) }, you);
        return r.routed ? [{ sr, toMe: r.toMe }] : [];
      });
      const [messages, people] = await Promise.all([
        messagesOf(routed.map((r) => r.sr.id)),
        patients(routed.map((r) => patientIdOf(r.sr)!)),
      ]);
      const items = routed.map(({ sr, toMe }) => {
        const item = itemOf(sr, people.get(patientIdOf(sr)!) ?? null, messages.get(sr.id) ?? [], toMe);
        seen.set(sr.id, { patientId: item.patientId, requester: professionalOf(sr.requester), item });
        return item;
      });
      return items.sort(inboxOrder);
    },

    async open(requestId: string): Promise<ExpertRequestView> {
      const you = expert();
      const sr = await read<ServiceRequest>('ServiceRequest', requestId);
      const patientId = sr ? patientIdOf(sr) : null;
      const routing = sr
        ? routedTo({ specialty: sr.performerType?.text ?? null, expertId: namedExpertId(sr.performer) }, you)
        : null;
      if (!sr || !patientId || !routing?.routed)
        throw new AppFailure(
          'not_found',
          'This téléexpertise request is not on the regional server, or not routed to you.',
        );
      const encounter = `Encounter/${requestId}`;
      const [patient, media, documents, messages] = await Promise.all([
        read<Patient>('Patient', patientId),
        search<Media>('Media', { encounter, _count: '200' }),
        search<DocumentReference>('DocumentReference', { encounter, _count: '200' }),
        messagesOf([requestId]),
      ]);
      const files: ExpertFile[] = [
        ...media.map((m) => ({
          id: m.id!,
          kind: m.type?.coding?.[0]?.code === 'audio' ? ('auscultation' as const) : ('snapshot' as const),
          mime: m.content.contentType ?? '',
          title: m.content.title ?? 'Photo',
          size: m.content.size ?? null,
          takenAt: m.createdDateTime ?? null,
        })),
        ...documents.map((d) => ({
          id: d.id!,
          kind: 'document' as const,
          mime: d.content[0]?.attachment.contentType ?? '',
          title: d.content[0]?.attachment.title ?? 'Document',
          size: d.content[0]?.attachment.size ?? null,
          takenAt: d.date ?? null,
        })),
      ].sort((a, b) => (a.takenAt ?? '').localeCompare(b.takenAt ?? ''));
      const item = itemOf(sr as ServiceRequest & { id: string }, patient, messages.get(requestId) ?? [], routing.toMe);
      const requester = professionalOf(sr.requester);
      seen.set(requestId, { patientId, requester, item });
      const ins = patient?.identifier?.find((i) =>
        i.type?.coding?.some((c) => c.system === SYSTEM.identifierType && c.code?.startsWith('INS-')),
      );
      const status = patient?.extension
        ?.find((x) => x.url.endsWith('fr-core-identity-reliability'))
        ?.extension?.find((x) => x.url === 'identityStatus')?.valueCoding?.code;
      return {
        item,
        patient: {
          name: patientName(patient),
          birthDate: patient?.birthDate ?? null,
          sex: patient?.gender ?? null,
          ins: ins?.value ?? null,
          identityStatus: status ?? null,
        },
        context: sr.note?.map((n) => n.text).join('\n\n') ?? '',
        requester,
        files,
        messages: (messages.get(requestId) ?? []).sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
      };
    },

    /** Who a reply goes to: the request as opened in this run, or read again from the server. */
    async parties(requestId: string): Promise<RequestParties> {
      const known = seen.get(requestId);
      if (known) return known;
      await this.open(requestId);
      return seen.get(requestId)!;
    },

    /** A file of a request routed to this expert, its bytes checked against the SHA-256 the requester's station recorded. */
    async file(requestId: string, fileId: string): Promise<{ mime: string; data: string }> {
      if (!seen.has(requestId)) await this.open(requestId);
      const resource =
        (await read<Media>('Media', fileId)) ?? (await read<DocumentReference>('DocumentReference', fileId));
      const content =
        resource?.resourceType === 'Media'
          ? resource.content
          : resource?.resourceType === 'DocumentReference'
            ? resource.content[0]?.attachment
            : undefined;
      const ofRequest =
        resource?.resourceType === 'Media'
          ? resource.encounter?.reference
          : resource?.context?.encounter?.[0]?.reference;
      if (!resource || !content?.url || ofRequest !== `Encounter/${requestId}`)
        throw new AppFailure('not_found', 'This file is not one of the request’s (or not on the regional server yet).');
      const url = uploadUrl(content.url);
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { Authorization: `Bearer ${deps.token?.() ?? ''}`, 'Tus-Resumable': '1.0.0' },
          signal: AbortSignal.timeout(60_000),
        });
      } catch {
        throw unavailable('the file could not be downloaded');
      }
      if (response.status === 404)
        throw new AppFailure(
          'not_found',
          'The file’s bytes are not on the regional server (yet): try again once the requester’s station has sent them.',
        );
      if (!response.ok) throw unavailable(`it answered ${response.status} for the file`);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > MAX_FILE_BYTES)
        throw new AppFailure(
          'validation_failed',
          `This file is over ${MAX_FILE_BYTES / 1024 / 1024} MB: it is not shown here.`,
        );
      const expected = (resource.resourceType === 'Media' ? resource.identifier : resource.identifier)?.find(
        (i) => i.system === SHA256_SYSTEM,
      )?.value;
      if (expected && createHash('sha256').update(bytes).digest('hex') !== expected) {
        throw new AppFailure(
          'validation_failed',
          'The file received differs from the one the requester sent (SHA-256 mismatch): it is not shown. Ask the requester to send it again.',
        );
      }
      return { mime: content.contentType ?? 'application/octet-stream', data: bytes.toString('base64') };
    },
  };

  /**
   * SECURITY: the token goes only to this station's own upload endpoint. A file's URL is the one
   * the requester's station got, which may name the same region by another address (a proxy,
   * another host name): its path under the upload endpoint is kept, its origin is not trusted.
   */
  function uploadUrl(raw: string): string {
    if (!deps.uploadsUrl)
      throw new AppFailure(
        'hub_unavailable',
        'No upload endpoint is configured on this station: files cannot be read.',
      );
    const base = new URL(deps.uploadsUrl);
    let given: URL;
    try {
      given = new URL(raw, base);
    } catch {
      throw new AppFailure('not_found', 'The file’s address on the regional server is not readable.');
    }
    const prefix = `${base.pathname.replace(/\/$/, '')}/`;
    if (!given.pathname.startsWith(prefix) || given.pathname.slice(prefix.length).includes('/'))
      throw new AppFailure('not_found', 'The file is not on this region’s upload endpoint: it is not fetched.');
    return `${base.origin}${given.pathname}`;
  }
}
export type ExpertInbox = ReturnType<typeof createExpertInbox>;
