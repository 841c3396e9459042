// Token buckets: one per connection, or one per access token's subject (RateLimiter) for the
// FHIR and upload endpoints: a burst is allowed, a flood is not.
export function createTokenBucket(ratePerSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
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
