// The region's copy of each station's audit chain: per token subject and station name, the last
// row it acknowledged (sequence number and hash) and the rows before it. An AuditEvent is taken
// only if it is the sender's own (source.observer names the token's subject, issue 16, point 14)
// and follows the last row acknowledged in its station's chain; once taken it is never replaced. A
// station whose files were rewritten cannot bring the region's copy along: its rewritten rows no
// longer link (issue 16, point 4).
import type http from 'node:http';
import { auditChainLinkOf, auditObserverOf } from '../shared/audit/audit-chain-link';
import { HUB_PEER_SYSTEM } from '../shared/region-source';
import type { RateLimiter } from './rate-limit';
import type { Claims, Verified } from './tokens';

export const AUDIT_HEAD_PATH = '/audit/head';

/** The last row the region acknowledged in one station's chain. */
export interface AuditHead {
  /** The station that recorded the chain (AuditEvent.source.site): a token may have several (an expert's two workstations). */
  site: string;
  seq: number;
  hash: string;
  acknowledgedAt: string;
}

/** What to do with an AuditEvent PUT: write it, answer the copy already held, or refuse. */
export type AuditWriteVerdict =
  | { kind: 'write' }
  | { kind: 'already_held' }
  | { kind: 'refused'; status: number; code: 'conflict' | 'transient' | 'invalid'; text: string };

interface Chain {
  head: AuditHead;
  /** Every row acknowledged: seq -> hash. */
  rows: Map<number, string>;
}

const COMPARE = 'Ask the regional IT to compare it with the region’s copy.';

/** SECURITY: an AuditEvent is its sender's own only: its source.observer names the token's subject. */
export function whyNotOwnAuditEvent(resource: unknown, claims: Claims): string | null {
  const observer = auditObserverOf(resource);
  if (observer === claims.sub) return null;
  const named = observer ? `, not ${observer}` : '';
  return (
    'An AuditEvent is accepted only from the station that recorded it: ' +
    `its source.observer must name you (identifier ${HUB_PEER_SYSTEM}|${claims.sub})${named}.`
  );
}

/** The station an AuditEvent comes from (source.site, the name the station records in each row). */
const siteOf = (resource: unknown): string | null => {
  const site = (resource as { source?: { site?: unknown } } | null)?.source?.site;
  return typeof site === 'string' && site.length > 0 && site.length <= 200 ? site : null;
};

export function createAuditChains(options: {
  now: () => number;
  log: (event: string, detail?: Record<string, unknown>) => void;
}) {
  // Per token subject, then per station name: one chain per data folder. In memory, like the
  // development FHIR repository they sit beside: a region keeps them with its AuditEvents.
  const chains = new Map<string, Map<string, Chain>>();
  // One AuditEvent write at a time per token: two rows racing for the same place cannot both win.
  const queues = new Map<string, Promise<unknown>>();

  type Row = { sub: string; site: string; seq: number };
  function refuse(who: Row, reason: string, text: string, extra: Record<string, unknown> = {}): AuditWriteVerdict {
    // SECURITY: logged for the regional IT: a station's trail that no longer matches the region's copy.
    options.log('hub.audit_chain_refused', { station: who.sub, site: who.site, seq: who.seq, reason, ...extra });
    return { kind: 'refused', status: 409, code: 'conflict', text };
  }

  /** A row of a chain the region already holds: it must come next, and link to the last one. */
  function follows(chain: Chain, who: Row, prevHash: string): AuditWriteVerdict {
    const { head } = chain;
    if (chain.rows.has(who.seq)) {
      const text =
        `The region already acknowledged audit row ${who.seq} of this station, with another hash: ` +
        `the station’s trail was changed or replaced. ${COMPARE}`;
      return refuse(who, 'row_already_acknowledged', text);
    }
    if (who.seq > head.seq + 1) {
      const text = `The region waits for audit row ${head.seq + 1} of this station before row ${who.seq}: it is sent again later.`;
      return { kind: 'refused', status: 409, code: 'transient', text };
    }
    if (who.seq !== head.seq + 1 || prevHash !== head.hash) {
      const text =
        `Audit row ${who.seq} does not follow row ${head.seq} as the region acknowledged it: ` +
        `the station’s trail was changed or replaced. ${COMPARE}`;
      return refuse(who, 'does_not_follow', text, { acknowledgedSeq: head.seq });
    }
    return { kind: 'write' };
  }

  return {
    /** The chains the region holds for this token, one per station name. */
    heads: (sub: string): AuditHead[] => [...(chains.get(sub)?.values() ?? [])].map((c) => c.head),

    /** Runs one token's AuditEvent writes one after the other. */
    serialized<T>(sub: string, work: () => Promise<T>): Promise<T> {
      const run = (queues.get(sub) ?? Promise.resolve()).then(work, work);
      queues.set(
        sub,
        run.catch(() => undefined),
      );
      return run;
    },

    /** Whether this AuditEvent (id, body) may be written for this sender, given the copy already held under its id. */
    check(sub: string, id: string, body: unknown, held: unknown): AuditWriteVerdict {
      const link = auditChainLinkOf(body);
      const site = siteOf(body);
      if (!link || !site) {
        const text =
          'An AuditEvent sent to the region names its station (source.site) and carries its place in the station’s audit chain ' +
          '(extension urn:relais:StructureDefinition:audit-chain: seq, prevHash, hash).';
        return { kind: 'refused', status: 400, code: 'invalid', text };
      }
      const who = { sub, site, seq: link.seq };
      if (held) {
        // SECURITY: an audit event is never replaced; the same row sent again (a lost answer) is answered as held.
        const heldLink = auditChainLinkOf(held);
        if (heldLink && heldLink.seq === link.seq && heldLink.hash === link.hash && siteOf(held) === site)
          return { kind: 'already_held' };
        const text = `AuditEvent/${id} is already held by the region with other content: an audit event is never replaced.`;
        return refuse(who, 'rewrite_of_held_event', text, { id });
      }
      const chain = chains.get(sub)?.get(site);
      if (chain) return follows(chain, who, link.prevHash);
      // The first row the region sees from this station starts its copy (row 1; or, after this
      // development hub restarted with an empty memory, wherever the station is).
      const otherSites = [...(chains.get(sub)?.keys() ?? [])];
      if (link.seq !== 1 || otherSites.length > 0)
        options.log('hub.audit_chain_started', { station: sub, site, seq: link.seq, otherSites });
      return { kind: 'write' };
    },

    /** The AuditEvent is written: its row becomes the last one acknowledged in its station's chain. */
    acknowledged(sub: string, stored: unknown): void {
      const link = auditChainLinkOf(stored);
      const site = siteOf(stored);
      if (!link || !site) return;
      const ofToken = chains.get(sub) ?? new Map<string, Chain>();
      chains.set(sub, ofToken);
      const head: AuditHead = {
        site,
        seq: link.seq,
        hash: link.hash,
        acknowledgedAt: new Date(options.now()).toISOString(),
      };
      const chain = ofToken.get(site) ?? { head, rows: new Map<number, string>() };
      ofToken.set(site, chain);
      chain.rows.set(link.seq, link.hash);
      if (link.seq >= chain.head.seq) chain.head = head;
    },
  };
}
export type AuditChains = ReturnType<typeof createAuditChains>;

interface AuditHeadOptions {
  /** Verifies a Bearer token: signature, expiry and the revocation list. */
  authenticate: (token: string | undefined) => Verified;
  limiter: RateLimiter;
  chains: AuditChains;
}

/**
 * GET /audit/head with a Bearer token: the last audit row the region acknowledged in each chain of
 * this token's subject, one per station name ({chains: []} when it holds none), and only its own.
 * FHIR has no interaction for "the newest row a server verified for this observer", hence this
 * small path beside /token/refresh.
 */
export function handleAuditHead(req: http.IncomingMessage, res: http.ServerResponse, options: AuditHeadOptions): void {
  const answer = (status: number, body: Record<string, unknown>) =>
    res
      .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(JSON.stringify(body));
  req.resume();
  if (req.method !== 'GET')
    return void answer(405, { error: 'method_not_allowed', message: 'GET with the station’s token as Bearer.' });
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const verified = options.authenticate(token);
  if (!verified.ok) return void answer(401, { error: verified.reason, message: `Access token ${verified.reason}.` });
  const { sub } = verified.claims;
  if (!options.limiter.take(sub))
    return void answer(429, { error: 'rate_limited', message: 'Too many requests: slow down.' });
  // SECURITY: a token reads its own subject's chains only: no parameter names another station.
  answer(200, { station: sub, chains: options.chains.heads(sub) });
}
