// The hub's own start command: `npm run hub`. Configuration from the environment; without
// RELAIS_HUB_SECRET it refuses to start, unless RELAIS_HUB_DEV=1 (then it mints a development
// token for a cart and an expert and prints them).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { OfferSchema } from '../shared/hub-protocol';
import { startHub } from './server';
import { issueToken } from './tokens';

async function main(): Promise<void> {
  const dev = process.env.RELAIS_HUB_DEV === '1';
  const secret = process.env.RELAIS_HUB_SECRET ?? (dev ? randomBytes(32).toString('hex') : undefined);
  if (!secret) throw new Error('RELAIS_HUB_SECRET is not set (or RELAIS_HUB_DEV=1 for a development hub).');
  const host = process.env.RELAIS_HUB_HOST ?? '127.0.0.1';
  // SECURITY: plain ws:// only on loopback (startHub refuses otherwise); elsewhere a certificate
  // and key (RELAIS_HUB_TLS_CERT, RELAIS_HUB_TLS_KEY) or the region's TLS reverse proxy.
  const certFile = process.env.RELAIS_HUB_TLS_CERT;
  const keyFile = process.env.RELAIS_HUB_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error('Set both RELAIS_HUB_TLS_CERT and RELAIS_HUB_TLS_KEY (PEM files), or neither.');
  const tls = certFile && keyFile ? { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) } : undefined;
  // Rotation: the new secret signs (key id RELAIS_HUB_KEY_ID), the previous one still verifies
  // the tokens it signed for RELAIS_HUB_PREVIOUS_GRACE_HOURS (24 by default).
  const previous = process.env.RELAIS_HUB_PREVIOUS_SECRET;
  const keys = {
    current: { id: process.env.RELAIS_HUB_KEY_ID ?? 'k1', secret },
    ...(previous ? { previous: { id: process.env.RELAIS_HUB_PREVIOUS_KEY_ID ?? 'k0', secret: previous, untilSeconds: Math.floor(Date.now() / 1000) + 3600 * Number(process.env.RELAIS_HUB_PREVIOUS_GRACE_HOURS ?? 24) } } : {}),
  };
  const offersFile = process.env.RELAIS_HUB_OFFERS;
  const offers = offersFile ? z.array(OfferSchema).parse(JSON.parse(fs.readFileSync(offersFile, 'utf8'))) : [];
  const hub = await startHub({
    secret,
    keys,
    ...(tls ? { tls } : {}),
    behindTlsProxy: process.env.RELAIS_HUB_BEHIND_TLS_PROXY === '1',
    turnSecret: process.env.RELAIS_TURN_SECRET ?? secret,
    turnUrls: (process.env.RELAIS_TURN_URLS ?? '').split(',').filter(Boolean),
    offers,
    host,
    port: Number(process.env.RELAIS_HUB_PORT ?? 4790),
    ...(process.env.RELAIS_HUB_UPLOADS ? { uploadsDir: process.env.RELAIS_HUB_UPLOADS } : {}),
    log: (event, detail) => process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event, ...detail }) + '\n'),
  });
  process.stdout.write(`Relais hub listening on ${hub.url} (${offers.length} offers)\n`);
  if (dev) {
    const exp = Math.floor(Date.now() / 1000) + 12 * 3600;
    process.stdout.write(`  development token (cart):   ${issueToken(keys.current, { sub: 'cart-dev', role: 'station', name: 'Chariot de test', site: 'Site de test', specialty: null, exp })}\n`);
    process.stdout.write(`  development token (expert): ${issueToken(keys.current, { sub: 'expert-dev', role: 'expert', name: 'Expert de test', site: 'CHU de test', specialty: 'neurologie', exp })}\n`);
  }
  const stop = () => void hub.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Relais hub could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
