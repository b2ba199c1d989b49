import type { DeviceLocation, SessionDirectory } from '../contracts/session-directory.js';
import { type Clock, type DeviceAddress, systemClock } from '../contracts/types.js';
import {
  DEFAULT_REDIS_PREFIX,
  fromRedisError,
  type RedisClient,
  type RedisPrefixOptions,
  redisScript,
  runScript,
} from './redis-client.js';

/** Options of {@link redisDirectory}. */
export interface RedisDirectoryOptions extends RedisPrefixOptions {
  /** An ioredis client; the directory never closes it. */
  client: RedisClient;
  /** Decides when an entry counts as expired (Redis also expires it by its own clock); default `Date.now`. */
  clock?: Clock;
}

/** What a key holds: `[gatewayId, connectionId, expiresAt]` as JSON. */
type Stored = [gatewayId: string, connectionId: string, expiresAt: number];

// Deletes the entry only when it still names the releasing connection.
const RELEASE = redisScript(`
local value = redis.call('GET', KEYS[1])
if value then
  local ok, stored = pcall(cjson.decode, value)
  if ok and type(stored) == 'table' and stored[2] == ARGV[1] then
    return redis.call('DEL', KEYS[1])
  end
end
return 0
`);

function parse(value: unknown): Stored | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const stored = JSON.parse(value) as unknown;
    if (
      Array.isArray(stored) &&
      typeof stored[0] === 'string' &&
      typeof stored[1] === 'string' &&
      typeof stored[2] === 'number'
    ) {
      return stored as Stored;
    }
  } catch {
    // Not ours: treated as no entry.
  }
  return undefined;
}

/**
 * A {@link SessionDirectory} in Redis: one key per device holding its location, written with
 * `SET … PX ttl GET`, which replaces the entry and returns the previous one atomically (Redis
 * 6.2 or later). The location carries its expiry time so the injected clock decides expiry
 * exactly; Redis's own expiry (PX) removes keys of crashed gateways. Lookups are one MGET (one
 * GET per device on a cluster, where the keys live on different nodes).
 *
 * Redis failures reject with ParleyError('UNAVAILABLE'): the gateway then refuses the
 * connection with a retryable error, and the client reconnects.
 */
export function redisDirectory(options: RedisDirectoryOptions): SessionDirectory {
  const { client } = options;
  const clock = options.clock ?? systemClock;
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  // The device id is a number and comes last, so the key names one device whatever the user id holds.
  const keyOf = (device: DeviceAddress): string => `${prefix}dir:${device.userId}:${device.deviceId}`;
  const live = (stored: Stored | undefined, now: number): Stored | undefined =>
    stored && stored[2] > now ? stored : undefined;

  return {
    async claim(device, location, ttlMs) {
      const now = clock();
      const value: Stored = [location.gatewayId, location.connectionId, now + ttlMs];
      let previous: unknown;
      try {
        previous = await client.call(
          'SET',
          keyOf(device),
          JSON.stringify(value),
          'PX',
          Math.max(1, Math.ceil(ttlMs)),
          'GET',
        );
      } catch (error) {
        throw fromRedisError(error);
      }
      const old = live(parse(previous), now);
      if (!old || (old[0] === location.gatewayId && old[1] === location.connectionId)) return undefined;
      return { gatewayId: old[0], connectionId: old[1] };
    },

    async release(device, connectionId) {
      try {
        await runScript(client, RELEASE, [keyOf(device)], [connectionId]);
      } catch (error) {
        throw fromRedisError(error);
      }
    },

    async lookup(devices): Promise<Array<DeviceLocation | undefined>> {
      if (devices.length === 0) return [];
      const keys = devices.map(keyOf);
      let values: unknown[];
      try {
        values = client.isCluster ? await Promise.all(keys.map((key) => client.get(key))) : await client.mget(keys);
      } catch (error) {
        throw fromRedisError(error);
      }
      const now = clock();
      return values.map((value) => {
        const stored = live(parse(value), now);
        return stored ? { gatewayId: stored[0], connectionId: stored[1] } : undefined;
      });
    },
  };
}
