// The hub command's settings, read from the environment (src/hub/README.md lists them). Each
// refusal names the setting to change, for the regional IT reading the log.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { OfferSchema } from '../shared/hub-protocol';
import type { HubOptions } from './server';
import type { KeyRing } from './tokens';

export class HubSettingsError extends Error {}

const randomSecret = () => randomBytes(32).toString('hex');

/** The signing keys and coturn's secret: two different secrets, always. */
function secrets(
  env: NodeJS.ProcessEnv,
  dev: boolean,
  nowSeconds: number,
): { keys: Exclude<KeyRing, string>; turnSecret: string } {
  // The development hub makes its own random secrets; a region's hub is given them.
  const secret = env.RELAIS_HUB_SECRET || (dev ? randomSecret() : undefined);
  if (!secret) {
    const action = 'or RELAIS_HUB_DEV=1 for a development hub';
    throw new HubSettingsError(`RELAIS_HUB_SECRET is not set (the key that signs access tokens), ${action}.`);
  }
  const turnSecret = env.RELAIS_TURN_SECRET || (dev ? randomSecret() : undefined);
  // SECURITY: no fallback to the token secret: whoever reads coturn's turnserver.conf would then
  // hold the key that mints expert tokens.
  if (!turnSecret) {
    throw new HubSettingsError(
      'RELAIS_TURN_SECRET is not set: give the hub coturn’s static-auth-secret, a secret of its own (never RELAIS_HUB_SECRET), ' +
        'or RELAIS_HUB_DEV=1 for a development hub.',
    );
  }
  // Rotation: the new secret signs (key id RELAIS_HUB_KEY_ID), the previous one still verifies
  // the tokens it signed for RELAIS_HUB_PREVIOUS_GRACE_HOURS (24 by default).
  const previous = env.RELAIS_HUB_PREVIOUS_SECRET;
  if (turnSecret === secret || turnSecret === previous) {
    const which = turnSecret === secret ? 'RELAIS_HUB_SECRET' : 'RELAIS_HUB_PREVIOUS_SECRET';
    throw new HubSettingsError(
      `RELAIS_TURN_SECRET is the same as ${which}: coturn’s secret must not sign access tokens. ` +
        'Give coturn (static-auth-secret) and RELAIS_TURN_SECRET a new secret of their own.',
    );
  }
  const untilSeconds = nowSeconds + 3600 * Number(env.RELAIS_HUB_PREVIOUS_GRACE_HOURS ?? 24);
  const keys = {
    current: { id: env.RELAIS_HUB_KEY_ID ?? 'k1', secret },
    ...(previous ? { previous: { id: env.RELAIS_HUB_PREVIOUS_KEY_ID ?? 'k0', secret: previous, untilSeconds } } : {}),
  };
  return { keys, turnSecret };
}

/** PEM files for https/wss, both or neither. */
function tls(env: NodeJS.ProcessEnv): HubOptions['tls'] | undefined {
  // SECURITY: plain ws:// only on loopback (startHub refuses otherwise); elsewhere a certificate
  // and key (RELAIS_HUB_TLS_CERT, RELAIS_HUB_TLS_KEY) or the region's TLS reverse proxy.
  const certFile = env.RELAIS_HUB_TLS_CERT;
  const keyFile = env.RELAIS_HUB_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new HubSettingsError('Set both RELAIS_HUB_TLS_CERT and RELAIS_HUB_TLS_KEY (PEM files), or neither.');
  }
  return certFile && keyFile ? { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) } : undefined;
}

/** A positive number (of days, of gigabytes...) times its unit; the default when unset. */
function positive(
  env: NodeJS.ProcessEnv,
  name: string,
  unit: { name: string; size: number },
  fallback: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * unit.size;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new HubSettingsError(`${name} must be a number of ${unit.name} above 0 (it is "${raw}").`);
  }
  return Math.round(value * unit.size);
}
const DAYS = { name: 'days', size: 86_400 };
const MINUTES = { name: 'minutes', size: 60 };
const GIGABYTES = { name: 'gigabytes', size: 1e9 };

/**
 * Where the uploads lie: required for a region's hub. The files are patients' photos, sounds and
 * documents, in the clear in that folder: the region puts it on an encrypted volume (README).
 */
function uploadsFolder(env: NodeJS.ProcessEnv, dev: boolean): string | undefined {
  const folder = env.RELAIS_HUB_UPLOADS || undefined;
  if (!folder && !dev) {
    throw new HubSettingsError(
      'RELAIS_HUB_UPLOADS is not set: give the hub the folder for uploaded files, on an encrypted volume, readable by the hub’s ' +
        'account only (without it the files would go to a temporary folder and be lost at the next stop).',
    );
  }
  return folder;
}

/** The region's revocation list: required for a region's hub, so that a token can be cut without a restart. */
function revocations(env: NodeJS.ProcessEnv, dev: boolean): string | undefined {
  const file = env.RELAIS_HUB_REVOCATIONS || undefined;
  // SECURITY: a region's hub cannot run without a way to refuse a stolen station's token.
  if (!file && !dev) {
    throw new HubSettingsError(
      'RELAIS_HUB_REVOCATIONS is not set: give the hub the region’s revocation list, a JSON file ({} when nothing is revoked; ' +
        'format in src/hub/README.md), so that a token can be refused without a restart.',
    );
  }
  return file;
}

/** The region's Redis, when it runs more than one hub (cluster/): redis:// or rediss:// (TLS). */
function redis(env: NodeJS.ProcessEnv): { redisUrl?: string } {
  const url = env.RELAIS_HUB_REDIS_URL || undefined;
  if (!url) return {};
  if (!/^rediss?:\/\/[^\s]+$/.test(url))
    throw new HubSettingsError(
      // Not the value itself: it may carry Redis's password.
      `RELAIS_HUB_REDIS_URL must be a redis:// or rediss:// address (e.g. redis://redis.region.example:6379); it begins "${url.slice(0, 8)}".`,
    );
  return { redisUrl: url };
}

type HubSettings = HubOptions & { keys: Exclude<KeyRing, string> };

export function hubOptionsFromEnv(env: NodeJS.ProcessEnv, nowSeconds = Math.floor(Date.now() / 1000)): HubSettings {
  const dev = env.RELAIS_HUB_DEV === '1';
  const { keys, turnSecret } = secrets(env, dev, nowSeconds);
  const certificate = tls(env);
  const revocationsFile = revocations(env, dev);
  const uploadsDir = uploadsFolder(env, dev);
  const offersFile = env.RELAIS_HUB_OFFERS;
  const offers = offersFile ? z.array(OfferSchema).parse(JSON.parse(fs.readFileSync(offersFile, 'utf8'))) : [];
  return {
    secret: keys.current.secret,
    keys,
    ...(certificate ? { tls: certificate } : {}),
    behindTlsProxy: env.RELAIS_HUB_BEHIND_TLS_PROXY === '1',
    turnSecret,
    turnUrls: (env.RELAIS_TURN_URLS ?? '').split(',').filter(Boolean),
    offers,
    host: env.RELAIS_HUB_HOST ?? '127.0.0.1',
    port: Number(env.RELAIS_HUB_PORT ?? 4790),
    ...(uploadsDir ? { uploadsDir } : {}),
    uploadQuotaBytes: positive(env, 'RELAIS_HUB_UPLOAD_QUOTA_GB', GIGABYTES, 20),
    uploadAbandonedAfterMs: positive(env, 'RELAIS_HUB_UPLOAD_ABANDONED_DAYS', DAYS, 7) * 1000,
    refreshMaxAgeSeconds: positive(env, 'RELAIS_HUB_REFRESH_MAX_DAYS', DAYS, 90),
    queueHoldMs: positive(env, 'RELAIS_HUB_QUEUE_HOLD_MINUTES', MINUTES, 10) * 1000,
    ...(revocationsFile ? { revocationsFile } : {}),
    ...redis(env),
  };
}
