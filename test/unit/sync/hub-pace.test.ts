// Retry-After as the region may send it (seconds, an HTTP date) or garbage, and the shared pause.
import { describe, expect, it } from 'vitest';
import {
  createHubPace,
  DEFAULT_RETRY_AFTER_MS,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from '../../../src/main/platform/hub/hub-pace';

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:59:00 GMT', NOW)).toBe(0); // already past
  });

  it('gives the default wait for a missing or unreadable value, never a negative or endless one', () => {
    for (const garbage of [null, undefined, '', '-5', '1.5', 'soon', '12abc', '2026-11-23', 'Mon, 99 Foo 2026']) {
      expect(parseRetryAfter(garbage, NOW)).toBe(DEFAULT_RETRY_AFTER_MS);
    }
    expect(parseRetryAfter('999999999', NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('the shared pause', () => {
  it('holds until the latest date asked, and a shorter pause does not shorten it', () => {
    let t = NOW;
    const pace = createHubPace(() => t);
    expect(pace.waitMs()).toBe(0);
    pace.holdUntil(NOW + 30_000);
    pace.holdUntil(NOW + 5_000);
    expect(pace.waitMs()).toBe(30_000);
    t = NOW + 29_000;
    expect(pace.waitMs()).toBe(1000);
    t = NOW + 31_000;
    expect(pace.waitMs()).toBe(0);
  });
});
