import { memoryClientStore } from '@parley/client';
import type { parley } from '@parley/core';
import { recordingLogger } from '@parley/test-utils/recording-logger';
import { describe, expect, it } from 'vitest';
import { encodeContent } from '../src/content.js';
import { Inbox, type InboxEvents } from '../src/inbox.js';
import { Announcements } from '../src/messages/announcements.js';
import { takeSendSeq } from '../src/messages/send-seq.js';
import type { ClientStore } from '../src/stores/client-store.js';

// The inbox's per-sender order across retries (messages/sender-order.ts), with an injected clock and
// scheduler: a message that fails to decrypt is retried, and later messages of its sender in that
// chat are held back until it arrives or the wait is over.

const HOLD_MS = 10_000;
/** A payload type no real payload has: the fake `open` fails it, asking for a retry. */
const FAIL_TYPE = 99;
const ALICE = { userId: 'alice', deviceId: 1 };
const CAROL = { userId: 'carol', deviceId: 7 };

/** A fake clock and a scheduler that runs what is due when the test moves the clock. */
function fakeTime() {
  let now = 1_000;
  let tasks: Array<{ at: number; fn: () => void }> = [];
  return {
    clock: { now: () => now },
    schedule: (fn: () => void, ms: number) => {
      const task = { at: now + ms, fn };
      tasks.push(task);
      return () => {
        tasks = tasks.filter((t) => t !== task);
      };
    },
    /** Moves the clock and runs every task due by then. */
    advance(ms: number) {
      now += ms;
      const due = tasks.filter((t) => t.at <= now);
      tasks = tasks.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    pending: () => tasks.length,
  };
}

let queueId = 0;
/** An envelope whose payload "decrypts" to a text with `seq`, or fails (and asks for a retry) when `fail`. */
function envelope(
  from: { userId: string; deviceId: number },
  messageId: string,
  seq: number,
  o: { fail?: boolean; groupId?: string } = {},
): parley.v1.Envelope.$Properties {
  const content = encodeContent({ kind: 'text', text: messageId }, 1, {
    ...(o.groupId ? { groupId: o.groupId } : {}),
    seq,
  });
  return {
    id: `q${queueId++}`,
    messageId,
    sender: from,
    serverTime: 1,
    ...(o.groupId ? { groupId: o.groupId } : {}),
    body: 'message',
    message: { type: o.fail ? FAIL_TYPE : 2, data: content },
  } as parley.v1.Envelope.$Properties;
}

/** An inbox on `store` whose `open` fails for FAIL_TYPE; `heard` lists the announced texts. */
function makeInbox(store: ClientStore, time: ReturnType<typeof fakeTime>) {
  const heard: string[] = [];
  const logger = recordingLogger();
  const announcements = new Announcements(
    store,
    (a) => {
      if (a.kind === 'received' && a.message.content.kind === 'text') heard.push(a.message.content.text);
    },
    logger,
  );
  const retried: string[] = [];
  const events: InboxEvents = {
    open: async (_tx, env, payload) =>
      (payload.type as number) === FAIL_TYPE
        ? { kind: 'failed', reason: 'bad-mac', retry: true }
        : { kind: 'content', content: payload.data as Uint8Array, ...(env.groupId ? { groupId: env.groupId } : {}) },
    note: (tx, a) => announcements.note(tx, a),
    announce: (noted) => announcements.announce(noted),
    undecryptable: (e) => retried.push(e.id),
    receipt: async () => undefined,
    groupRecord: async () => () => {},
    know: async () => {},
    isGroupMember: async () => true,
    ack: () => {},
  };
  const inbox = new Inbox(store, 'bob', events, {
    clock: time.clock,
    logger,
    holdMs: HOLD_MS,
    schedule: time.schedule,
  });
  return { inbox, heard, logger, retried, announcements };
}

describe('per-sender order across retries', () => {
  it('holds the messages after one being retried and releases them in order once it arrives', async () => {
    const store = memoryClientStore();
    const time = fakeTime();
    const { inbox, heard, logger, retried } = makeInbox(store, time);
    await inbox.start();
    await inbox.handle([envelope(ALICE, 'm1', 1), envelope(ALICE, 'm2', 2, { fail: true })]);
    await inbox.handle([envelope(ALICE, 'm3', 3), envelope(ALICE, 'm4', 4)]);
    expect(retried).toEqual(['m2']);
    expect(heard).toEqual(['m1']); // m3 and m4 wait for m2
    // Another sender in another chat is not held back.
    await inbox.handle([envelope(CAROL, 'c1', 1)]);
    expect(heard).toEqual(['m1', 'c1']);
    time.advance(HOLD_MS / 2);
    await inbox.handle([envelope(ALICE, 'm2', 2)]); // the resend, same id and seq
    expect(heard).toEqual(['m1', 'c1', 'm2', 'm3', 'm4']);
    await inbox.handle([envelope(ALICE, 'm5', 5)]);
    expect(heard).toEqual(['m1', 'c1', 'm2', 'm3', 'm4', 'm5']);
    expect(logger.warnings).toEqual([]);
    expect(time.pending()).toBe(0);
  });

  it('releases held messages in order after the bounded wait when the retried one never comes, and logs the gap', async () => {
    const store = memoryClientStore();
    const time = fakeTime();
    const { inbox, heard, logger } = makeInbox(store, time);
    await inbox.start();
    await inbox.handle([envelope(ALICE, 'm1', 1), envelope(ALICE, 'm2', 2, { fail: true })]);
    await inbox.handle([envelope(ALICE, 'm4', 4)]);
    await inbox.handle([envelope(ALICE, 'm3', 3)]);
    expect(heard).toEqual(['m1']);
    time.advance(HOLD_MS - 1);
    expect(heard).toEqual(['m1']);
    time.advance(1);
    await inbox.handle([]); // waits for the release the timer started (frames and releases run in turn)
    expect(heard).toEqual(['m1', 'm3', 'm4']);
    expect(logger.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('gap'),
        fields: expect.objectContaining({ chatId: 'alice', missing: { from: 2, to: 2 }, seq: 3 }),
      }),
    ]);
    // Nothing waits any more: the late resend is announced at once, and later ones too.
    await inbox.handle([envelope(ALICE, 'm2', 2), envelope(ALICE, 'm5', 5)]);
    expect(heard).toEqual(['m1', 'm3', 'm4', 'm2', 'm5']);
  });

  it('keeps held messages through a restart and announces them in order afterwards', async () => {
    const store = memoryClientStore();
    const time = fakeTime();
    const first = makeInbox(store, time);
    await first.inbox.start();
    await first.inbox.handle([envelope(ALICE, 'm1', 1, { fail: true }), envelope(ALICE, 'm2', 2)]);
    await first.inbox.handle([envelope(ALICE, 'm3', 3)]);
    expect(first.heard).toEqual([]);
    first.inbox.stop(); // the process ends: the held messages are only in the store

    // Restarted before the wait is over: still held, then filled by the resend.
    const second = makeInbox(store, time);
    await second.announcements.replay();
    await second.inbox.start();
    expect(second.heard).toEqual([]);
    await second.inbox.handle([envelope(ALICE, 'm1', 1)]);
    expect(second.heard).toEqual(['m1', 'm2', 'm3']);

    // Held again, restarted after the wait is over: released at start, in order.
    await second.inbox.handle([envelope(ALICE, 'm4', 4, { fail: true }), envelope(ALICE, 'm6', 6)]);
    await second.inbox.handle([envelope(ALICE, 'm5', 5)]);
    second.inbox.stop();
    time.advance(HOLD_MS + 1);
    const third = makeInbox(store, time);
    await third.announcements.replay();
    await third.inbox.start();
    expect(third.heard).toEqual(['m5', 'm6']);
    expect(third.logger.warnings.map((w) => w.fields?.missing)).toEqual([{ from: 4, to: 4 }]);
  });

  it('keeps order per sender device in a group chat', async () => {
    const store = memoryClientStore();
    const time = fakeTime();
    const { inbox, heard } = makeInbox(store, time);
    await inbox.start();
    const g = { groupId: 'g1' };
    await inbox.handle([
      envelope(ALICE, 'a1', 1, { ...g, fail: true }),
      envelope(CAROL, 'c1', 1, g),
      envelope(ALICE, 'a2', 2, g),
      envelope(CAROL, 'c2', 2, g),
    ]);
    expect(heard).toEqual(['c1', 'c2']); // carol's messages do not wait for alice's
    await inbox.handle([envelope(ALICE, 'a1', 1, g)]);
    expect(heard).toEqual(['c1', 'c2', 'a1', 'a2']);
  });

  it('does not hold messages without a seq (older senders) or while no retry is outstanding', async () => {
    const store = memoryClientStore();
    const time = fakeTime();
    const { inbox, heard, logger } = makeInbox(store, time);
    await inbox.start();
    await inbox.handle([envelope(ALICE, 'm5', 5), envelope(ALICE, 'm9', 9), envelope(CAROL, 'c0', 0)]);
    expect(heard).toEqual(['m5', 'm9', 'c0']);
    expect(logger.warnings).toEqual([]);
    expect(time.pending()).toBe(0);
  });

  it('hands out sequence numbers from 1 per conversation', async () => {
    const store = memoryClientStore();
    const seqs = await store.transaction(async (tx) => [
      await takeSendSeq(tx, 'alice'),
      await takeSendSeq(tx, 'alice'),
      await takeSendSeq(tx, 'g1'),
      await takeSendSeq(tx, 'alice'),
    ]);
    expect(seqs).toEqual([1, 2, 1, 3]);
  });
});
