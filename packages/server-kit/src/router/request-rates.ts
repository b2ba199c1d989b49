// Per-user rate limits of the requests that cost other users something: messages and receipts fill
// their queues, group changes fan records out to every member, key fetches drain one-time prekeys.
// Buckets are per user (not per device, so adding devices does not multiply them) and, where a
// request has a target, per (user, target) too. A refusal costs one bucket look-up: far less than
// the request.
import { ParleyError } from '@parley/core';
import type { ServerLimits } from '../contracts/limits.js';
import type { RateDecision, RateLimit, RateLimiter } from '../contracts/rate-limiter.js';
import { decideNowOf } from './rate-decide-now.js';
import type { RequestCase, RequestContext, RequestOf } from './routes.js';

/** What the rate limits read from the limits. */
export type RequestRateLimits = Pick<
  ServerLimits,
  'sendRate' | 'sendToRate' | 'receiptRate' | 'groupChangeRate' | 'keyFetchRate' | 'keyFetchTargetRate'
>;

/** One bucket a request takes a token from. */
interface Bucket {
  key: string;
  limit: RateLimit;
  what: string;
}

type Buckets<C extends RequestCase> = (request: RequestOf<C>, user: string, limits: RequestRateLimits) => Bucket[];

// Template strings, not a join of rest parts: one string per bucket and request, nothing else.
const key1 = (kind: string, a: string) => `rate\u0000${kind}\u0000${a}`;
const key2 = (kind: string, a: string, b: string) => `rate\u0000${kind}\u0000${a}\u0000${b}`;

/** A user's send buckets: the user's own, and the list for each chat it sends to. */
interface SendBuckets {
  send: Bucket;
  toUser: Map<string, Bucket[]>;
  toGroup: Map<string, Bucket[]>;
}

/** Users whose send buckets are kept, and chats per user: past either, that map starts again. */
const MAX_CACHED_USERS = 10_000;
const MAX_CACHED_CHATS = 1_000;

/**
 * The bucket lists of sends, made once per (user, chat) and per limits: a send makes no key strings,
 * buckets or list of its own (the limiter reads them only, issue 15 aim 1).
 */
const sendBuckets = new WeakMap<RequestRateLimits, Map<string, SendBuckets>>();

function sendBucketsOf(request: RequestOf<'send'>, user: string, limits: RequestRateLimits): Bucket[] {
  let users = sendBuckets.get(limits);
  if (!users) {
    users = new Map();
    sendBuckets.set(limits, users);
  }
  let mine = users.get(user);
  if (!mine) {
    if (users.size >= MAX_CACHED_USERS) users.clear();
    mine = {
      send: { key: key1('send', user), limit: limits.sendRate, what: 'messages' },
      toUser: new Map(),
      toGroup: new Map(),
    };
    users.set(user, mine);
  }
  const group = request.destination === 'groupId';
  const chat = (group ? request.groupId : request.userId) ?? '';
  const chats = group ? mine.toGroup : mine.toUser;
  let list = chats.get(chat);
  if (!list) {
    if (chats.size >= MAX_CACHED_CHATS) chats.clear();
    const target = group ? `g:${chat}` : `u:${chat}`;
    list = [mine.send, { key: key2('send-to', user, target), limit: limits.sendToRate, what: 'messages to one chat' }];
    chats.set(chat, list);
  }
  return list;
}

const RATED: { [C in RequestCase]?: Buckets<C> } = {
  send: sendBucketsOf,
  receipt: (_r, user, limits) => [{ key: key1('receipt', user), limit: limits.receiptRate, what: 'receipts' }],
  groupChange: (_r, user, limits) => [
    { key: key1('group-change', user), limit: limits.groupChangeRate, what: 'group changes' },
  ],
  keysFetch: (r, user, limits) => [
    { key: key1('keys-fetch', user), limit: limits.keyFetchRate, what: 'key fetches' },
    {
      key: key1('keys-fetch-of', r.userId ?? ''),
      limit: limits.keyFetchTargetRate,
      what: "fetches of one user's keys",
    },
  ],
};

/** Whether requests of this case take a rate token (most do not: acks, reads of one's own state). */
export const isRated = (c: RequestCase): boolean => RATED[c] !== undefined;

/**
 * Takes a token from each bucket of the request, all or nothing when the limiter offers
 * `consumeAll` (one decision, one round trip on a shared limiter); RATE_LIMITED (retryable, with
 * `retryAfterMs`) when one is empty, thrown at once when the limiter decides synchronously (see
 * rate-decide-now.ts). Undefined when there is nothing to wait for: requests of other cases, and
 * every request a synchronous limiter allowed (every send takes this path: issue 15).
 */
export function takeRequestRate<C extends RequestCase>(
  c: C,
  request: RequestOf<C>,
  ctx: RequestContext,
  limiter: RateLimiter,
  limits: RequestRateLimits,
): Promise<void> | undefined {
  const buckets = RATED[c] as Buckets<C> | undefined;
  if (!buckets) return undefined;
  const list = buckets(request, ctx.device.userId, limits);
  // A Bucket is a RateRequest (key, limit) with a label the limiter ignores: no copy per request.
  // A limiter that decides in memory answers now: nothing to wait for (a refusal throws here).
  const decideNow = decideNowOf(limiter);
  if (decideNow) {
    refuseIfDenied(list, decideNow(list));
    return undefined;
  }
  if (limiter.consumeAll) return limiter.consumeAll(list).then((decision) => refuseIfDenied(list, decision));
  return takeOneByOne(list, limiter);
}

function refuseIfDenied(list: Bucket[], decision: RateDecision): void {
  if (!decision.allowed) throw refusal(list[decision.refused ?? 0] ?? (list[0] as Bucket), decision.retryAfterMs);
}

/** A custom limiter without consumeAll: one call per bucket (a later refusal keeps earlier tokens). */
async function takeOneByOne(list: Bucket[], limiter: RateLimiter): Promise<void> {
  for (const bucket of list) {
    const decision = await limiter.consume(bucket.key, 1, bucket.limit);
    if (!decision.allowed) throw refusal(bucket, decision.retryAfterMs);
  }
}

const refusal = (bucket: Bucket, retryAfterMs: number) =>
  new ParleyError('RATE_LIMITED', `too many ${bucket.what}`, { retryAfterMs });
