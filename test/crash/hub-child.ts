// A development hub (no uploads folder named: a temporary one) that a test kills with SIGKILL, to
// see that the next hub removes what it left. Prints its uploads folder once it listens.
// Run with: node --import tsx hub-child.ts
import path from 'node:path';
import { startHub } from '../../src/hub/server';

const hub = await startHub({ secret: 'child-hub-secret', turnSecret: 'child-turn-secret', turnUrls: [], offers: [] });
process.stdout.write(`${path.dirname(hub.uploads.fileOf('x'))}\n`);
// Lives until it is killed.
setInterval(() => {}, 1 << 30);
