// The hub's own start command: `npm run hub`. Configuration from the environment (settings.ts);
// without its secrets it refuses to start, unless RELAIS_HUB_DEV=1 (then it makes random ones,
// mints a development token for a cart, an expert and the region's coordinator and prints them).
import { DEV_CART, DEV_COORDINATOR, DEV_EXPERT } from './dev-peers';
import { startHub } from './server';
import { hubOptionsFromEnv } from './settings';
import { issueToken } from './tokens';

async function main(): Promise<void> {
  const options = hubOptionsFromEnv(process.env);
  const hub = await startHub({
    ...options,
    log: (event, detail) =>
      process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event, ...detail }) + '\n'),
  });
  process.stdout.write(`Relais hub listening on ${hub.url} (${options.offers.length} offers)\n`);
  if (process.env.RELAIS_HUB_DEV === '1') {
    const exp = Math.floor(Date.now() / 1000) + 12 * 3600;
    const key = options.keys.current;
    const cart = issueToken(key, { ...DEV_CART, exp });
    const expert = issueToken(key, { ...DEV_EXPERT, exp });
    const coordinator = issueToken(key, { ...DEV_COORDINATOR, exp });
    process.stdout.write(`  development token (cart):        ${cart}\n`);
    process.stdout.write(`  development token (expert):      ${expert}\n`);
    process.stdout.write(`  development token (coordinator): ${coordinator}\n`);
  }
  const stop = () => void hub.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Relais hub could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
