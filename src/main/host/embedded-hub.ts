// The embedded default: without RELAIS_HUB_URL, browser mode starts a regional hub in-process on
// loopback (random secrets, the sample offers) and gives the station a token for it, so that
// presence and calls can be tried on one machine (with an expert token for a second station).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { startHub, type RunningHub } from '../../hub/server';
import { DEV_EXPERT } from '../../hub/dev-peers';
import { issueToken } from '../../hub/tokens';
import { OfferSchema } from '../../shared/hub-protocol';

export interface EmbeddedHub {
  hub: RunningHub;
  stationToken: string;
  /** For a second, expert station on this machine, to try a call without a region. */
  expertToken: string;
}

export async function startEmbeddedHub(resourcesDir: string): Promise<EmbeddedHub> {
  const secret = randomBytes(32).toString('hex');
  // SECURITY: coturn's secret is never the token key (the hub refuses it): one of its own, unused
  // here (no TURN URL) but different.
  const turnSecret = randomBytes(32).toString('hex');
  const offersFile = path.join(resourcesDir, 'hub', 'offers.json');
  const offers = fs.existsSync(offersFile)
    ? z.array(OfferSchema).parse(JSON.parse(fs.readFileSync(offersFile, 'utf8')))
    : [];
  const hub = await startHub({ secret, turnSecret, turnUrls: [], offers, host: '127.0.0.1', port: 0 });
  const stationToken = issueToken(secret, {
    sub: `station-${os.hostname()}`.slice(0, 100),
    role: 'station',
    // A name people read (the caller shown to the expert), never the machine's host name.
    name: 'Poste local',
    site: 'Station locale',
    specialty: null,
    exp: Math.floor(Date.now() / 1000) + 365 * 24 * 3600,
  });
  // The expert the sample offers name (dev-peers.ts): the stroke alert and the directory reach her.
  const expertToken = issueToken(secret, { ...DEV_EXPERT, exp: Math.floor(Date.now() / 1000) + 24 * 3600 });
  return { hub, stationToken, expertToken };
}
