// Field rules of group records. Lengths of text are counted in Unicode code points so that
// implementations in any language agree; user ids follow the rule Hello applies to them.
import { ParleyError } from '../errors.js';

/** Longest group name, in code points. */
export const MAX_GROUP_NAME_LENGTH = 100;
/** Longest group description, in code points. */
export const MAX_GROUP_DESCRIPTION_LENGTH = 2048;

/** The disappearing-messages timers a group (or chat) may have, in seconds: off, 24 h, 7 d, 90 d. */
export const DISAPPEARING_TIMERS = [0, 86_400, 604_800, 7_776_000] as const;
export type DisappearingTimer = (typeof DISAPPEARING_TIMERS)[number];

/** Whether `s` is one of {@link DISAPPEARING_TIMERS}. */
export const isDisappearingTimer = (s: unknown): s is DisappearingTimer =>
  (DISAPPEARING_TIMERS as readonly unknown[]).includes(s);

/** Group ids are 1-64 printable ASCII characters without spaces (like message ids). */
export function isValidGroupId(groupId: unknown): groupId is string {
  return typeof groupId === 'string' && /^[\x21-\x7e]{1,64}$/.test(groupId);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A UTF-16 surrogate without its partner: text that has no UTF-8 encoding. */
const LONE_SURROGATE = /\p{Cs}/u;

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** User ids: 1-128 UTF-16 code units, no control characters (the rule `Hello` applies), well-formed. */
export function isValidGroupUserId(userId: unknown): userId is string {
  return (
    typeof userId === 'string' &&
    userId.length > 0 &&
    userId.length <= 128 &&
    !CONTROL.test(userId) &&
    !LONE_SURROGATE.test(userId)
  );
}

/** Names: 1-100 code points, no control characters. */
export function checkGroupName(name: string | null | undefined): string {
  const n = name ?? '';
  const length = codePoints(n);
  if (length === 0 || length > MAX_GROUP_NAME_LENGTH || CONTROL.test(n) || LONE_SURROGATE.test(n)) {
    throw new ParleyError(
      'INVALID_ARGUMENT',
      `a group name is 1-${MAX_GROUP_NAME_LENGTH} characters without control characters`,
    );
  }
  return n;
}

/** Descriptions: 0-2048 code points; tabs and line breaks allowed, other control characters not. */
export function checkGroupDescription(description: string | null | undefined): string {
  const d = description ?? '';
  if (codePoints(d) > MAX_GROUP_DESCRIPTION_LENGTH || CONTROL_BUT_WHITESPACE.test(d) || LONE_SURROGATE.test(d)) {
    throw new ParleyError(
      'INVALID_ARGUMENT',
      `a group description is at most ${MAX_GROUP_DESCRIPTION_LENGTH} characters without control characters`,
    );
  }
  return d;
}

/** A non-empty list of valid, distinct user ids; INVALID_ARGUMENT otherwise. */
export function checkUserIdList(userIds: readonly string[] | null | undefined, what: string): string[] {
  const ids = [...(userIds ?? [])];
  if (ids.length === 0) throw new ParleyError('INVALID_ARGUMENT', `${what} names no user`);
  const seen = new Set<string>();
  for (const id of ids) {
    if (!isValidGroupUserId(id)) throw new ParleyError('INVALID_ARGUMENT', `${what}: invalid user id`);
    if (seen.has(id)) throw new ParleyError('INVALID_ARGUMENT', `${what}: user ${id} is named twice`);
    seen.add(id);
  }
  return ids;
}
