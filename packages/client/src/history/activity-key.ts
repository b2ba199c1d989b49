// The key of the chat list's activity index: a chat's last activity (ms, zero-padded so keys sort
// by time) then its id. The one codec for this format; `activity-key.test.ts` checks the round trip.

/** Digits of the time part: enough for any safe integer. */
const DIGITS = 16;
const SEP = '\u001f';
const MAX = Number.MAX_SAFE_INTEGER; // 16 digits, and every integer up to it is exact

/** Where a chat sits in the activity index. */
export interface ActivityKey {
  /** Last activity, ms since the epoch (clamped to a whole number from 0 to Number.MAX_SAFE_INTEGER). */
  at: number;
  chatId: string;
}

/** The index key; keys sort by `at`, then by chat id. Any chat id (even with the separator) round-trips. */
export function encodeActivityKey(key: ActivityKey): string {
  const at = Math.min(MAX, Math.max(0, Math.floor(Number.isFinite(key.at) ? key.at : 0)));
  return `${String(at).padStart(DIGITS, '0')}${SEP}${key.chatId}`;
}

/** The parts of an index key; undefined when it is not one (an app-supplied cursor may be anything). */
export function decodeActivityKey(key: string): ActivityKey | undefined {
  const digits = key.slice(0, DIGITS);
  if (key.length <= DIGITS || key[DIGITS] !== SEP || !/^[0-9]+$/.test(digits)) return undefined;
  return { at: Number(digits), chatId: key.slice(DIGITS + 1) };
}
