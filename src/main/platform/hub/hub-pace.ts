// The pause the regional server asked for (429 Too Many Requests, Retry-After), shared by every
// request the station makes to it: until then nothing is sent, and the wait is not a failure.

/** Without a readable Retry-After, a 429 still means "not now": this long. */
export const DEFAULT_RETRY_AFTER_MS = 5_000;
/** SECURITY: a server (or whatever sits in between) cannot silence the station for days: an hour at most. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Retry-After as milliseconds from now: delay-seconds ("120") or an HTTP date. Garbage, a
 * negative number or a missing header give the default; a date already past gives 0; the
 * answer never exceeds an hour.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number {
  const text = (value ?? '').trim();
  let ms: number;
  if (/^\d{1,10}$/.test(text)) ms = Number(text) * 1000;
  else if (/[a-z]/i.test(text) && Number.isFinite(Date.parse(text))) ms = Math.max(0, Date.parse(text) - nowMs);
  else return DEFAULT_RETRY_AFTER_MS;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

export interface HubPace {
  /** The server asked to wait until then (ms since the epoch); a shorter pause never shortens a longer one. */
  holdUntil(untilMs: number): void;
  /** How long is left to wait before the next request (ms); 0 when free to go. */
  waitMs(): number;
}

export function createHubPace(now: () => number = Date.now): HubPace {
  let until = 0;
  return {
    holdUntil(untilMs) {
      until = Math.max(until, untilMs);
    },
    waitMs: () => Math.max(0, until - now()),
  };
}

/** What a person reads while the station waits as asked. */
export const pausedMessage = (waitMs: number) =>
  `The regional server asked to slow down (too many requests): the station waits ${Math.ceil(waitMs / 1000)} s before sending again.`;
