// Token buckets: one per connection, one per access token's subject (RateLimiter) for the FHIR
// and upload endpoints, and one per subject for WebSocket connections opened (ReconnectLimiter):
// a burst is allowed, a flood is not.
export function createTokenBucket(ratePerSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      // A clock set back (NTP stepping it, a test's clock) refills nothing rather than draining the bucket.
      tokens = Math.min(burst, tokens + (Math.max(0, t - last) / 1000) * ratePerSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

export interface RateLimiter {
  /** False when this subject is over its rate: the request is refused (429). */
  take(subject: string): boolean;
}

/** A bucket per token subject, so that one flooding station does not slow the others. */
export function createRateLimiter(ratePerSecond: number, burst: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, ReturnType<typeof createTokenBucket>>();
  return {
    take(subject) {
      let bucket = buckets.get(subject);
      if (!bucket) buckets.set(subject, (bucket = createTokenBucket(ratePerSecond, burst, now)));
      return bucket.take();
    },
  };
}

export interface ReconnectLimiter {
  /**
   * Counts a connection of this subject: allowed, or refused with the seconds to wait. A loop is
   * logged once: `first` marks its first refusal, `refusedBefore` the count when it is allowed again.
   */
  take(
    subject: string,
  ): { allowed: true; refusedBefore: number } | { allowed: false; retryAfterSeconds: number; first: boolean };
}

/**
 * Connections opened per token subject: a station back after a network drop, a token rotation,
 * even a flapping link, stay well within the burst; a client reconnecting in a loop is told to
 * wait (Retry-After) until its bucket holds a connection again.
 */
export function createReconnectLimiter(
  perMinute: number,
  burst: number,
  now: () => number = Date.now,
): ReconnectLimiter {
  const perMs = perMinute / 60_000;
  const subjects = new Map<string, { tokens: number; last: number; refused: number }>();
  return {
    take(subject) {
      const t = now();
      const entry = subjects.get(subject) ?? { tokens: burst, last: t, refused: 0 };
      subjects.set(subject, entry);
      entry.tokens = Math.min(burst, entry.tokens + (t - entry.last) * perMs);
      entry.last = t;
      if (entry.tokens >= 1) {
        entry.tokens -= 1;
        const refusedBefore = entry.refused;
        entry.refused = 0;
        return { allowed: true, refusedBefore };
      }
      entry.refused++;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - entry.tokens) / perMs / 1000)),
        first: entry.refused === 1,
      };
    },
  };
}
