// The hub's cluster: alone, or with the region's other hubs through Redis (RELAIS_HUB_REDIS_URL).
// The Redis client is loaded only when a Redis is set: a hub alone, and the station's embedded
// hub, never load it.
import { createSoloCluster, type HubCluster } from './cluster';

export type { HubCluster, LocalHub } from './cluster';

export async function createCluster(
  redisUrl: string | undefined,
  options: { log(event: string, detail?: Record<string, unknown>): void; graceMs?: number },
): Promise<HubCluster> {
  if (!redisUrl) return createSoloCluster();
  const { createRedisCluster } = await import('./redis-cluster');
  return createRedisCluster({ url: redisUrl, ...options });
}
