import { createHash } from 'node:crypto';
import { isParleyError, ParleyError } from '@parley/core';
import type { Cluster, Redis } from 'ioredis';

/** An ioredis connection: a single server (`new Redis()`) or a cluster (`new Cluster()`). */
export type RedisClient = Redis | Cluster;

/** The key and channel prefix of the adapters when none is given. */
export const DEFAULT_REDIS_PREFIX = 'parley:';

/** Options every Redis adapter takes. */
export interface RedisPrefixOptions {
  /**
   * Put before every key and channel name, default `'parley:'`. Gateways of one cluster must use
   * the same one; tests use a fresh one each. A `keyPrefix` set on the ioredis client applies on top.
   */
  prefix?: string;
}

/**
 * Replies that mean the server cannot serve right now: still loading its data, a replica during a
 * failover, a cluster that is down or resharding.
 */
const UNAVAILABLE_REPLY = /^(LOADING|READONLY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|BUSY)\b/;

/** True when `error` says Redis cannot be reached right now (ioredis connection errors and the replies above). */
export function isRedisUnavailable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  if (name === 'ReplyError') return typeof message === 'string' && UNAVAILABLE_REPLY.test(message);
  // Socket errors (ECONNREFUSED, ECONNRESET, ...) carry a code; ioredis' own say "Connection is
  // closed.", "Stream isn't writeable", that retries ran out, a command timed out, or that no
  // cluster node answers.
  if (typeof code === 'string') return true;
  if (name === 'MaxRetriesPerRequestError' || name === 'ClusterAllFailedError') return true;
  return typeof message === 'string' && /connection|isn't writeable|timed out|startup nodes|slots cache/i.test(message);
}

/** ParleyErrors as they are; Redis connection trouble as a retryable ParleyError('UNAVAILABLE'); anything else unchanged. */
export function fromRedisError(error: unknown): unknown {
  if (isParleyError(error) || !isRedisUnavailable(error)) return error;
  return new ParleyError('UNAVAILABLE', 'Redis is unavailable', { cause: error });
}

/** A Lua script, run by its hash (EVALSHA) and loaded on first use. */
export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

export function redisScript(source: string): RedisScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Runs a script by hash, sending its source once when the server does not have it (NOSCRIPT). */
export async function runScript(
  client: RedisClient,
  script: RedisScript,
  keys: string[],
  args: Array<string | number>,
): Promise<unknown> {
  try {
    return await client.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return client.eval(script.source, keys.length, ...keys, ...args);
  }
}
