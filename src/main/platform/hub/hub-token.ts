// The station's access token for the regional hub, held in one place: every user (hub WebSocket,
// FHIR sync, téléexpertise, uploads) reads the current one at each request; it is renewed through
// the hub's POST /token/refresh before it expires, and a token that ran out without a successor is
// reported with what a person must do.
import type { HubTokenStatus } from '../../../shared/station/station';
import { parseRetryAfter } from './hub-pace';

/** Renewed once this share of its life has passed: the rest is the margin for a hub that is down. */
const REFRESH_AT = 0.8;
/** Never two refresh requests closer than this, whatever the token's life (no tight loop). */
const MIN_DELAY_MS = 1000;
/** After a failure (network, 5xx, 429): 5 s, doubling up to 5 minutes. */
const FIRST_BACKOFF_MS = 5000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** A refusal seen by a user (401) asks for an early renewal at most this often. */
const REJECTED_EVERY_MS = 60_000;

export const TOKEN_REFRESH_PATH = '/token/refresh';

/** What a person must do, in both languages, for the log (the screen has its own tables). */
const ACTION = {
  station:
    'Ask the regional IT for a new station token (RELAIS_HUB_TOKEN), then restart the station. / Demandez un nouveau jeton de poste (RELAIS_HUB_TOKEN) à l’informatique régionale, puis redémarrez le poste.',
  expert:
    'An expert’s access is not renewed by the hub: ask the regional IT for a new expert access (RELAIS_HUB_TOKEN), then restart the station. / L’accès d’un expert n’est pas renouvelé par le serveur régional : demandez un nouvel accès expert à l’informatique régionale, puis redémarrez le poste.',
  coordinator:
    'The coordination’s access is not renewed by the hub: ask the regional IT for a new coordinator access (RELAIS_HUB_TOKEN), then restart the station. / L’accès de la coordination n’est pas renouvelé par le serveur régional : demandez un nouvel accès coordinateur à l’informatique régionale, puis redémarrez le poste.',
};

/**
 * The expiry (seconds since the epoch) a token states, or null when it cannot be read: the hub's
 * tokens are `claims.signature`, a JWT is `header.claims.signature`. Read only to plan the
 * renewal: the hub verifies the signature, the station cannot and does not need to.
 */
function tokenClaims(token: string): { exp?: unknown; role?: unknown; sub?: unknown } | null {
  const parts = token.split('.');
  const body = parts.length === 2 ? parts[0] : parts.length === 3 ? parts[1] : undefined;
  if (!body || !/^[A-Za-z0-9_-]+$/.test(body)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return claims !== null && typeof claims === 'object'
      ? (claims as { exp?: unknown; role?: unknown; sub?: unknown })
      : null;
  } catch {
    return null;
  }
}

export function tokenExpiry(token: string): number | null {
  const exp = tokenClaims(token)?.exp;
  return typeof exp === 'number' && Number.isInteger(exp) && exp > 0 ? exp : null;
}

/** Whose token it is: an expert's and the coordinator's are never renewed by the hub (it renews stations only). */
export function tokenHolder(token: string): HubTokenStatus['holder'] {
  const role = tokenClaims(token)?.role;
  return role === 'expert' || role === 'coordinator' ? role : 'station';
}

/** Whom the token names (its `sub`): the station or the expert as the region knows her; null when unreadable. */
export function tokenSubject(token: string): string | null {
  const sub = tokenClaims(token)?.sub;
  return typeof sub === 'string' && sub.length > 0 ? sub : null;
}

/** The hub's refresh path, next to its WebSocket (ws://h/hub -> http://h/token/refresh), else next to its own FHIR endpoint. */
export function tokenRefreshUrl(hubUrl: string | null | undefined, fhirUrl: string | null | undefined): string | null {
  try {
    if (hubUrl) {
      const url = new URL(hubUrl);
      return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}${TOKEN_REFRESH_PATH}`;
    }
    // A separate regional FHIR server has no refresh path: only the hub's own endpoint does.
    if (fhirUrl && /\/fhir\/R4\/?$/.test(new URL(fhirUrl).pathname))
      return `${new URL(fhirUrl).origin}${TOKEN_REFRESH_PATH}`;
  } catch {
    return null;
  }
  return null;
}

export interface HubTokenOptions {
  token: string;
  /** The hub's refresh path; null: the token is used as it is until it expires. */
  refreshUrl: string | null;
  now?: () => number;
  /** Runs fn after ms; returns how to cancel it (tests drive it by hand). */
  schedule?: (ms: number, fn: () => void) => () => void;
  fetch?: typeof fetch;
  random?: () => number;
  /** The state changed (for the station's status). */
  onChange?: () => void;
  log?: (level: 'info' | 'warn' | 'error', event: string, detail?: Record<string, unknown>) => void;
}

export interface HubToken {
  /** The token to present now: read it at each request, never keep it. */
  current(): string;
  status(): HubTokenStatus;
  /** Called after each rotation (the hub WebSocket reconnects with the new token). */
  onRotated(listener: (token: string) => void): void;
  /**
   * A request was refused (401) with the current token: the hub may have retired its key or
   * revoked it. A renewal is tried now rather than at 80% of its life (at most once a minute),
   * so that a refusal is known, and said, early.
   */
  rejected(): void;
  close(): void;
}

/** setTimeout fires at once past 2^31-1 ms (24.8 days): a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function realSchedule(ms: number, fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = (left: number) => {
    timer = setTimeout(() => (left > MAX_TIMER_MS ? arm(left - MAX_TIMER_MS) : fn()), Math.min(left, MAX_TIMER_MS));
    timer.unref?.();
  };
  arm(ms);
  return () => clearTimeout(timer);
}

export function createHubToken(options: HubTokenOptions): HubToken {
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? realSchedule;
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const listeners: ((token: string) => void)[] = [];
  let token = options.token;
  let expiresAt = tokenExpiry(token); // seconds
  const holder = tokenHolder(token);
  // SECURITY: the hub renews station tokens only; an expert's access is not asked for again here.
  const refreshUrl = holder === 'station' ? options.refreshUrl : null;
  let refused: string | null = null; // the hub's refusal, once refused: no more tries
  let refusal: HubTokenStatus['refusal'] = null;
  let backoffMs = FIRST_BACKOFF_MS;
  let cancelRefresh: (() => void) | null = null;
  let cancelExpiry: (() => void) | null = null;
  let closed = false;
  let inFlight = false;
  let rejectedAt = -Infinity;

  const expired = () => expiresAt !== null && expiresAt * 1000 <= now();
  const changed = () => options.onChange?.();

  function status(): HubTokenStatus {
    const at = expiresAt === null ? null : new Date(expiresAt * 1000).toISOString();
    if (expired()) return { state: 'expired', holder, expiresAt: at, reason: refused, refusal };
    if (refused !== null) return { state: 'refresh_refused', holder, expiresAt: at, reason: refused, refusal };
    return { state: 'valid', holder, expiresAt: at, reason: null, refusal: null };
  }

  /** Plans the renewal of the token in hand, and the report of its expiry if none comes. */
  function plan(delayMs: number): void {
    cancelRefresh?.();
    cancelExpiry?.();
    cancelRefresh = cancelExpiry = null;
    if (closed || expiresAt === null) return;
    const leftMs = expiresAt * 1000 - now();
    if (leftMs <= 0) return void reportExpired();
    cancelExpiry = schedule(leftMs, reportExpired);
    // SECURITY: an expired token is not renewed by the hub (it would need a new enrolment), and a
    // refused one will not be accepted by waiting: the station stops asking.
    if (refreshUrl !== null && refused === null)
      cancelRefresh = schedule(Math.max(MIN_DELAY_MS, delayMs), () => void refresh());
  }

  function reportExpired(): void {
    if (!expired() && expiresAt !== null)
      return void (cancelExpiry = schedule(expiresAt * 1000 - now(), reportExpired)); // fired early (the clock moved)
    cancelRefresh?.();
    cancelRefresh = null;
    log('error', 'hub.token_expired', { expiresAt: status().expiresAt, refused, action: ACTION[holder] });
    changed();
  }

  function retryLater(why: string, retryAfterMs: number | null): void {
    const delay = Math.max(retryAfterMs ?? 0, backoffMs * (0.8 + 0.4 * random()));
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    log('warn', 'hub.token_refresh_failed', { why, retryInMs: Math.round(delay) });
    plan(delay);
  }

  // SECURITY: the token goes only to the hub's refresh path (an address the hub settings checked:
  // TLS off this machine), and never into a log line or the status.
  async function refresh(): Promise<void> {
    cancelRefresh = null;
    if (closed || refused !== null || expired() || inFlight) return;
    let response: Response;
    let body: unknown;
    inFlight = true;
    try {
      response = await doFetch(refreshUrl!, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(15_000),
      });
      body = await response.json().catch(() => null);
    } catch (error) {
      return retryLater(`the hub did not answer (${(error as Error).message})`, null);
    } finally {
      inFlight = false;
    }
    if (closed) return;
    if (response.status === 401 || response.status === 403) {
      const answer = body as { message?: unknown; error?: unknown } | null;
      const said = typeof answer?.message === 'string' ? answer.message.slice(0, 200) : '';
      refused = `The hub refused to renew the token (${response.status}${said ? `: ${said}` : ''}).`;
      // The region revoked it, or its chain of renewals reached the region's maximum age: either
      // way a person must ask for a new station token, and the screen says which.
      refusal = answer?.error === 'revoked' ? 'revoked' : answer?.error === 'max_age' ? 'max_age' : 'other';
      const expiresAt = status().expiresAt;
      log('error', 'hub.token_refresh_refused', {
        status: response.status,
        refusal,
        reason: refused,
        expiresAt,
        action: ACTION[holder],
      });
      plan(0); // keeps the expiry report; asks no more
      return changed();
    }
    if (response.status === 429)
      return retryLater(
        'the hub asked to slow down (429)',
        parseRetryAfter(response.headers.get('retry-after'), now()),
      );
    const next = (body as { token?: unknown } | null)?.token;
    const nextExpiry = typeof next === 'string' && next.length < 8192 ? tokenExpiry(next) : null;
    if (response.status !== 200 || typeof next !== 'string' || nextExpiry === null || nextExpiry * 1000 <= now()) {
      return retryLater(
        response.status === 200
          ? 'the hub answered something that is not a usable token'
          : `the hub answered ${response.status}`,
        null,
      );
    }
    token = next;
    expiresAt = nextExpiry;
    backoffMs = FIRST_BACKOFF_MS;
    log('info', 'hub.token_refreshed', { expiresAt: status().expiresAt });
    plan(REFRESH_AT * (nextExpiry * 1000 - now()));
    changed();
    for (const listener of listeners) listener(token);
  }

  // At start, nothing is announced to onChange: the station is still being built.
  if (expiresAt === null)
    log('warn', 'hub.token_expiry_unknown', { why: 'its expiry cannot be read: it is used as it is, and not renewed' });
  else if (expired()) log('error', 'hub.token_expired', { expiresAt: status().expiresAt, action: ACTION[holder] });
  else plan(REFRESH_AT * (expiresAt * 1000 - now()));

  return {
    current: () => token,
    status,
    onRotated: (listener) => void listeners.push(listener),
    rejected() {
      if (
        closed ||
        inFlight ||
        refused !== null ||
        expired() ||
        refreshUrl === null ||
        now() - rejectedAt < REJECTED_EVERY_MS
      )
        return;
      rejectedAt = now();
      log('warn', 'hub.token_rejected', { why: 'a request was refused with the current token: renewing it now' });
      plan(0);
    },
    close() {
      closed = true;
      cancelRefresh?.();
      cancelExpiry?.();
    },
  };
}
