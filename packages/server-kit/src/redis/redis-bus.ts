import { ParleyError } from '@parley/core';
import type { Cluster, Redis } from 'ioredis';
import type { Bus } from '../contracts/bus.js';
import { type Logger, silentLogger } from '../contracts/logger.js';
import { batchesOf, decodeBatch, encodeBatch } from './bus-batches.js';
import { DEFAULT_REDIS_PREFIX, fromRedisError, type RedisClient, type RedisPrefixOptions } from './redis-client.js';

/** Options of {@link redisBus}. */
export interface RedisBusOptions extends RedisPrefixOptions {
  /** Publishes; never closed by the bus. */
  client: RedisClient;
  /**
   * The connection that subscribes (a connection in subscriber mode can do nothing else). Default:
   * `client.duplicate()`, which the bus opens and closes itself; one given here is left open by
   * `close` (the bus only removes its own subscriptions and listeners).
   */
  subscriber?: RedisClient;
  /**
   * Sharded pub/sub (SPUBLISH/SSUBSCRIBE, Redis 7+): on a cluster a message then travels only
   * within its channel's shard instead of to every node. Default: used when the server has it.
   * Every gateway of a cluster must end up with the same choice (they do when they share a server).
   */
  sharded?: boolean;
  /**
   * Where the errors of the subscriber connection the bus makes itself go (ioredis reports each
   * failed reconnect as an 'error' event, which must have a listener); default silent. A
   * `subscriber` given by the caller keeps the caller's own error listener.
   */
  logger?: Logger;
  /**
   * Send the messages published on one channel within one tick as one Redis message (a batch
   * frame, see bus-batches.ts), so a gateway's notes to another gateway after a group commit cost
   * one SPUBLISH instead of one each. Default true. A gateway of an earlier version cannot read a
   * batch (it drops it: a lost nudge, which only delays a delivery): set false until every gateway
   * of the cluster runs this version. Every version reads batches and lone messages alike.
   */
  batch?: boolean;
}

/** A message waiting for the end of its tick, and its publish call's answer. */
interface Outgoing {
  payload: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type Handler = (data: Uint8Array) => void;

/** One channel: its handlers, and whether the subscriber connection is subscribed to it. */
interface Channel {
  handlers: Set<Handler>;
  subscribed: boolean;
  /** Subscribe and unsubscribe commands of the channel, one after the other. */
  ops: Promise<void>;
}

/** A new connection with the client's options (one signature for a server and a cluster). */
const duplicate = (client: RedisClient): RedisClient =>
  client.isCluster ? (client as Cluster).duplicate() : (client as Redis).duplicate();

/** Whether the server knows SPUBLISH; a connection failure rejects (so it is asked again later). */
async function serverHasShardedPubSub(client: RedisClient): Promise<boolean> {
  try {
    const info = await client.call('COMMAND', 'INFO', 'SPUBLISH');
    return Array.isArray(info) && info[0] !== null && info[0] !== undefined;
  } catch (error) {
    // The server answered (e.g. COMMAND is not allowed for this user): plain pub/sub works everywhere.
    if ((error as { name?: unknown }).name === 'ReplyError') return false;
    throw error;
  }
}

/**
 * Logs the errors of a connection: a warning for the first of an outage, debug for the repeats
 * (one per reconnect attempt) until the connection is ready again. The listeners stay for the
 * connection's life: a socket error after quit() must still be heard.
 */
function logConnectionErrors(connection: RedisClient, logger: Logger): void {
  let failing = false;
  const onError = (error: unknown): void => {
    if (failing) {
      logger.debug('redis bus subscriber connection error', { error: String(error) });
      return;
    }
    failing = true;
    logger.warn('redis bus subscriber connection lost; reconnecting', { error: String(error) });
  };
  const onReady = (): void => {
    if (failing) logger.info('redis bus subscriber connection ready again');
    failing = false;
  };
  connection.on('error', onError);
  connection.on('ready', onReady);
}

/**
 * A {@link Bus} over Redis pub/sub. Messages are nudges, as the Bus contract allows: Redis keeps
 * none, so a message published while a gateway is disconnected from Redis is lost (ioredis
 * resubscribes on reconnect). Handlers run in the subscriber's event, each on its own copy.
 * Publishing while Redis is unreachable rejects with ParleyError('UNAVAILABLE').
 */
export function redisBus(options: RedisBusOptions): Bus {
  const { client } = options;
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const owned = options.subscriber === undefined;
  const subscriber = options.subscriber ?? duplicate(client);
  const logger = options.logger ?? silentLogger;
  if (owned) logConnectionErrors(subscriber, logger);
  const batching = options.batch ?? true;
  /** Per channel name: the messages published in this tick, sent together once it ends. */
  const outgoing = new Map<string, Outgoing[]>();
  const channels = new Map<string, Channel>();
  let closed = false;
  let sharded: Promise<boolean> | undefined =
    options.sharded === undefined ? undefined : Promise.resolve(options.sharded);

  const useSharded = (): Promise<boolean> => {
    if (!sharded) {
      const asked = serverHasShardedPubSub(client);
      sharded = asked;
      asked.catch(() => {
        if (sharded === asked) sharded = undefined;
      });
    }
    return sharded;
  };

  const onMessage = (channel: Buffer | string, message: Buffer): void => {
    if (closed) return;
    const state = channels.get(channel.toString());
    if (!state) return;
    const messages = decodeBatch(message);
    if (!messages) {
      logger.warn('redis bus: malformed batch dropped', { channel: channel.toString(), bytes: message.byteLength });
      return;
    }
    for (const one of messages) {
      for (const handler of [...state.handlers]) {
        // Re-checked per handler: one removed by an earlier handler is not called.
        if (closed || !state.handlers.has(handler)) continue;
        try {
          handler(new Uint8Array(one));
        } catch {
          // One failing handler must not starve the others; a lost nudge only delays.
        }
      }
    }
  };
  subscriber.on('messageBuffer', onMessage);
  subscriber.on('smessageBuffer', onMessage);

  /** Brings the connection's subscription of `name` in line with its handlers, after earlier commands. */
  const sync = (name: string, state: Channel): Promise<void> => {
    const op = state.ops.then(async () => {
      const want = state.handlers.size > 0 && !closed;
      if (want === state.subscribed) return;
      const isSharded = await useSharded();
      if (want) {
        await (isSharded ? subscriber.ssubscribe(name) : subscriber.subscribe(name));
        state.subscribed = true;
      } else {
        await (isSharded ? subscriber.sunsubscribe(name) : subscriber.unsubscribe(name));
        state.subscribed = false;
        if (state.handlers.size === 0 && channels.get(name) === state) channels.delete(name);
      }
    });
    state.ops = op.catch(() => {});
    return op;
  };

  const send = async (name: string, payload: Uint8Array): Promise<void> => {
    try {
      const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength); // no copy
      await client.call((await useSharded()) ? 'SPUBLISH' : 'PUBLISH', name, bytes);
    } catch (error) {
      throw fromRedisError(error);
    }
  };

  /** Sends what was published in the tick that just ended: one Redis message per channel (and size bound). */
  const flush = (): void => {
    const due = [...outgoing];
    outgoing.clear();
    for (const [name, waiting] of due) {
      for (const group of batchesOf(waiting, (w) => w.payload)) {
        send(name, encodeBatch(group.map((w) => w.payload))).then(
          () => {
            for (const w of group) w.resolve();
          },
          (error: unknown) => {
            for (const w of group) w.reject(error);
          },
        );
      }
    }
  };

  return {
    async publish(channel, data) {
      if (closed) return; // nudges after close are dropped, as by the memory bus
      // Copied: the caller may change `data` once this returns.
      const payload = new Uint8Array(data);
      const name = prefix + channel;
      if (!batching) return send(name, encodeBatch([payload])); // a lone message, escaped if it must be
      return new Promise<void>((resolve, reject) => {
        if (outgoing.size === 0) queueMicrotask(flush);
        let waiting = outgoing.get(name);
        if (!waiting) {
          waiting = [];
          outgoing.set(name, waiting);
        }
        waiting.push({ payload, resolve, reject });
      });
    },

    async subscribe(channel, handler) {
      if (closed) throw new ParleyError('CLOSED', 'bus is closed');
      const name = prefix + channel;
      let state = channels.get(name);
      if (!state) {
        state = { handlers: new Set(), subscribed: false, ops: Promise.resolve() };
        channels.set(name, state);
      }
      const own = state;
      // A wrapper per subscription, so subscribing one function twice gives two subscriptions.
      const subscription: Handler = (data) => handler(data);
      own.handlers.add(subscription);
      try {
        await sync(name, own);
      } catch (error) {
        own.handlers.delete(subscription);
        void sync(name, own).catch(() => {});
        throw fromRedisError(error);
      }
      return async () => {
        // Removed at once: no message is handed to it after this point, whatever the server does.
        if (!own.handlers.delete(subscription)) return;
        await sync(name, own).catch(() => {
          // Still subscribed on the server: harmless, messages find no handler.
        });
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      const names = [...channels.entries()];
      for (const [, state] of names) state.handlers.clear();
      subscriber.off('messageBuffer', onMessage);
      subscriber.off('smessageBuffer', onMessage);
      if (owned) {
        await subscriber.quit().catch(() => subscriber.disconnect());
        return;
      }
      // The caller's connection stays open: drop only this bus's subscriptions.
      await Promise.all(names.map(([name, state]) => sync(name, state).catch(() => {})));
    },
  };
}
