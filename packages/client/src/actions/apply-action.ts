import type { MessageReaction } from '../events.js';
import { getGroup } from '../groups/group-book.js';
import { getMessage, replaceMessage, type StoredMessage } from '../messages/message-store.js';
import type { StoreTx } from '../stores/client-store.js';
import { keepPending, markSeen, type ReceivedAction, takePending } from './action-store.js';
import { DELETE_WINDOW_MS, EDIT_WINDOW_MS, type MessageAction } from './action-types.js';

/** A removed reaction, kept so a late, older reaction of the same user cannot bring it back. */
interface ReactionRemoval {
  userId: string;
  at: number;
  id: string;
}

/** The stored message with the ordering marks of removed reactions (not part of the app's view). */
type WithRemovals = StoredMessage & { reactionRemovals?: ReactionRemoval[] };

/** Who the actor is in the target's chat. */
interface ChatRole {
  group: boolean;
  member: boolean;
  admin: boolean;
}

/** What applying an action to a message gave. */
export type Verdict =
  | { kind: 'applied'; message: StoredMessage; change: MessageAction['kind'] }
  | { kind: 'unchanged' }
  | { kind: 'refused'; reason: string };

/** Orders two changes of one user: the later sender clock wins, the higher id on a tie. */
const newer = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at > b.at || (a.at === b.at && a.id > b.id);

/**
 * Applies one action to the message it targets, or says why not. Pure: the same inputs give the same
 * verdict on every device, and the result does not depend on the order actions arrive in.
 */
export function judge(m: StoredMessage, a: ReceivedAction, role: ChatRole, selfUserId: string): Verdict {
  if (m.chatId !== a.chatId) return { kind: 'refused', reason: 'the message is in another chat' };
  if (role.group && !role.member) return { kind: 'refused', reason: 'not a member of the group' };
  const stamp = { at: a.sentAt, id: a.id };
  const action = a.action;
  switch (action.kind) {
    case 'reaction': {
      if (m.deleted) return { kind: 'unchanged' };
      const stored = m as WithRemovals;
      const current = [
        ...(stored.reactions ?? []),
        ...(stored.reactionRemovals ?? []).map((r) => ({ ...r, emoji: '' })),
      ].find((r) => r.userId === a.from.userId);
      if (current && !newer(stamp, current)) return { kind: 'unchanged' };
      const reactions = (stored.reactions ?? []).filter((r) => r.userId !== a.from.userId);
      const removals = (stored.reactionRemovals ?? []).filter((r) => r.userId !== a.from.userId);
      const mine: MessageReaction = { userId: a.from.userId, emoji: action.emoji, at: a.sentAt, id: a.id };
      const next: WithRemovals = {
        ...m,
        reactions: action.emoji ? [...reactions, mine] : reactions,
        reactionRemovals: action.emoji ? removals : [...removals, { userId: mine.userId, at: mine.at, id: mine.id }],
      };
      return { kind: 'applied', message: next, change: 'reaction' };
    }
    case 'edit': {
      if (a.from.userId !== m.from.userId) return { kind: 'refused', reason: 'only the sender may edit a message' };
      if (m.deleted || m.content.kind === 'deleted') return { kind: 'unchanged' };
      if (a.sentAt - m.sentAt > EDIT_WINDOW_MS) return { kind: 'refused', reason: 'the edit window has passed' };
      if (m.edited && !newer(stamp, m.edited)) return { kind: 'unchanged' };
      const oldText = m.content.kind === 'text' ? m.content.text : (m.content.media.caption ?? '');
      const content =
        m.content.kind === 'text'
          ? { kind: 'text' as const, text: action.text }
          : { kind: 'media' as const, media: { ...m.content.media, caption: action.text } };
      // Earlier versions stay only on the sender's own devices (recipients see the latest text).
      const previous =
        m.from.userId === selfUserId
          ? [...(m.edited?.previous ?? []), { text: oldText, at: m.edited?.at ?? m.sentAt }]
          : undefined;
      return {
        kind: 'applied',
        message: { ...m, content, edited: { at: a.sentAt, id: a.id, ...(previous ? { previous } : {}) } },
        change: 'edit',
      };
    }
    case 'delete': {
      if (a.from.userId !== m.from.userId && !(role.group && role.admin)) {
        return { kind: 'refused', reason: 'only the sender or a group admin may delete a message for everyone' };
      }
      if (m.deleted) return { kind: 'unchanged' };
      if (a.sentAt - m.sentAt > DELETE_WINDOW_MS) return { kind: 'refused', reason: 'the delete window has passed' };
      // A tombstone: who, when, where; no text, caption, quote, reactions or earlier versions remain.
      const { replyTo: _quote, reactions: _r, edited: _e, mentions: _m, ...rest } = m as WithRemovals;
      const { reactionRemovals: _rr, mediaDeleteToken: _token, ...kept } = rest as WithRemovals;
      return {
        kind: 'applied',
        message: {
          ...kept,
          content: { kind: 'deleted' },
          deleted: { by: a.from.userId, at: a.sentAt },
        } as StoredMessage,
        change: 'delete',
      };
    }
  }
}

async function roleIn(tx: StoreTx, chatId: string, userId: string): Promise<ChatRole> {
  const group = await getGroup(tx, chatId);
  if (!group) return { group: false, member: true, admin: false };
  const member = group.snapshot.members.find((m) => m.userId === userId);
  return { group: true, member: !!member, admin: member?.role === 'admin' };
}

/** What receiving an action did. */
export type ActionOutcome =
  | Verdict
  /** The target is not here yet: the action is kept and applied when it arrives. */
  | { kind: 'pending' }
  /** The target is not here and already has the most actions waiting: dropped. */
  | { kind: 'dropped' };

/**
 * Receives an action inside the inbox transaction: marks its id seen (dedup), applies it to the
 * stored target, or keeps it until the target arrives. `now` is this device's clock (what it keeps expires by it).
 */
export async function receiveAction(
  tx: StoreTx,
  a: ReceivedAction,
  selfUserId: string,
  now: number,
): Promise<ActionOutcome> {
  await markSeen(tx, a.id, now);
  const target = await getMessage(tx, a.action.messageId);
  if (!target) return (await keepPending(tx, a, now)) ? { kind: 'pending' } : { kind: 'dropped' };
  const verdict = judge(target, a, await roleIn(tx, target.chatId, a.from.userId), selfUserId);
  if (verdict.kind === 'applied') await replaceMessage(tx, verdict.message);
  return verdict;
}

/**
 * Applies the actions that waited for a message that just arrived (before it is stored, so it is
 * stored and announced once, in its final state); the message, and the refusals to report.
 */
export async function applyPending(
  tx: StoreTx,
  message: StoredMessage,
  selfUserId: string,
): Promise<{ message: StoredMessage; refused: Array<{ action: ReceivedAction; reason: string }> }> {
  let current = message;
  const refused: Array<{ action: ReceivedAction; reason: string }> = [];
  for (const a of await takePending(tx, message.id)) {
    const verdict = judge(current, a, await roleIn(tx, current.chatId, a.from.userId), selfUserId);
    if (verdict.kind === 'applied') current = verdict.message;
    if (verdict.kind === 'refused') refused.push({ action: a, reason: verdict.reason });
  }
  return { message: current, refused };
}
