// The hub command's settings (src/hub/settings.ts): what a region's hub requires, what the
// development hub makes itself, and each refusal naming the setting to change.
import { describe, expect, it } from 'vitest';
import { hubOptionsFromEnv } from '../../../src/hub/settings';

const region = {
  RELAIS_HUB_SECRET: 'signing-secret',
  RELAIS_TURN_SECRET: 'coturn-secret',
  RELAIS_HUB_REVOCATIONS: '/etc/relais/revoked.json',
  RELAIS_HUB_UPLOADS: '/srv/relais/uploads',
};

describe('hub settings', () => {
  it('requires the region’s revocation list, outside the development hub', () => {
    const { RELAIS_HUB_REVOCATIONS: _file, ...without } = region;
    expect(() => hubOptionsFromEnv(without)).toThrow(/RELAIS_HUB_REVOCATIONS is not set/);
    expect(hubOptionsFromEnv(region).revocationsFile).toBe('/etc/relais/revoked.json');
    expect(hubOptionsFromEnv({ RELAIS_HUB_DEV: '1' }).revocationsFile).toBeUndefined();
  });

  it('runs alone without RELAIS_HUB_REDIS_URL, and refuses an address that is not Redis’s without echoing it', () => {
    expect(hubOptionsFromEnv(region).redisUrl).toBeUndefined();
    const url = 'redis://:s3cret@redis.region.example:6379';
    expect(hubOptionsFromEnv({ ...region, RELAIS_HUB_REDIS_URL: url }).redisUrl).toBe(url);
    expect(() => hubOptionsFromEnv({ ...region, RELAIS_HUB_REDIS_URL: 'http://:s3cret@redis:6379' })).toThrow(
      /RELAIS_HUB_REDIS_URL must be a redis:\/\/ or rediss:\/\/ address/,
    );
    expect(() => hubOptionsFromEnv({ ...region, RELAIS_HUB_REDIS_URL: 'http://:s3cret@redis:6379' })).not.toThrow(
      /s3cret/,
    );
  });

  it('ends refresh chains after 90 days, or the days the region sets', () => {
    expect(hubOptionsFromEnv(region).refreshMaxAgeSeconds).toBe(90 * 86_400);
    expect(hubOptionsFromEnv({ ...region, RELAIS_HUB_REFRESH_MAX_DAYS: '30' }).refreshMaxAgeSeconds).toBe(30 * 86_400);
    for (const wrong of ['0', '-1', 'forever']) {
      expect(() => hubOptionsFromEnv({ ...region, RELAIS_HUB_REFRESH_MAX_DAYS: wrong })).toThrow(
        /RELAIS_HUB_REFRESH_MAX_DAYS must be a number of days above 0/,
      );
    }
  });

  it('removes uploads left unfinished after 7 days, or the days the region sets', () => {
    expect(hubOptionsFromEnv(region).uploadAbandonedAfterMs).toBe(7 * 86_400_000);
    expect(hubOptionsFromEnv({ ...region, RELAIS_HUB_UPLOAD_ABANDONED_DAYS: '2.5' }).uploadAbandonedAfterMs).toBe(
      2.5 * 86_400_000,
    );
    for (const wrong of ['0', 'never']) {
      expect(() => hubOptionsFromEnv({ ...region, RELAIS_HUB_UPLOAD_ABANDONED_DAYS: wrong })).toThrow(
        /RELAIS_HUB_UPLOAD_ABANDONED_DAYS must be a number of days above 0/,
      );
    }
  });

  it('keeps a waiting station’s place 10 minutes while it is away, or the minutes the region sets', () => {
    expect(hubOptionsFromEnv(region).queueHoldMs).toBe(10 * 60_000);
    expect(hubOptionsFromEnv({ ...region, RELAIS_HUB_QUEUE_HOLD_MINUTES: '3' }).queueHoldMs).toBe(3 * 60_000);
    expect(() => hubOptionsFromEnv({ ...region, RELAIS_HUB_QUEUE_HOLD_MINUTES: '0' })).toThrow(
      /RELAIS_HUB_QUEUE_HOLD_MINUTES must be a number of minutes above 0/,
    );
  });

  it('makes two different secrets for the development hub, and never takes one for the other', () => {
    const dev = hubOptionsFromEnv({ RELAIS_HUB_DEV: '1' });
    expect(dev.turnSecret).not.toBe(dev.keys.current.secret);
    expect(() => hubOptionsFromEnv({ ...region, RELAIS_HUB_PREVIOUS_SECRET: 'coturn-secret' })).toThrow(
      /RELAIS_TURN_SECRET is the same as RELAIS_HUB_PREVIOUS_SECRET/,
    );
  });

  it('requires the uploads folder outside the development hub, and keeps 20 GB per station unless told', () => {
    const { RELAIS_HUB_UPLOADS: _folder, ...without } = region;
    expect(() => hubOptionsFromEnv(without)).toThrow(/RELAIS_HUB_UPLOADS is not set: .*encrypted volume/);
    expect(hubOptionsFromEnv(region)).toMatchObject({ uploadsDir: '/srv/relais/uploads', uploadQuotaBytes: 20e9 });
    expect(hubOptionsFromEnv({ ...region, RELAIS_HUB_UPLOAD_QUOTA_GB: '2.5' }).uploadQuotaBytes).toBe(2.5e9);
    expect(() => hubOptionsFromEnv({ ...region, RELAIS_HUB_UPLOAD_QUOTA_GB: 'none' })).toThrow(
      /RELAIS_HUB_UPLOAD_QUOTA_GB must be a number of gigabytes above 0/,
    );
  });
});
