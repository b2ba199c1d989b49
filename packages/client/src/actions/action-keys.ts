// The two key formats of the actions' namespaces, each with one codec (a test round-trips them).
// U+001F cannot appear in a message id (ids are UUIDv7 or at most printable strings a peer chose;
// a peer id that contains it is refused by `actionKey`), so the split is unambiguous.

const SEP = '\u001f';
const TIME_DIGITS = 16;

/** Key of a pending action: its target first, so every action waiting for one message lists together. */
export function actionKey(targetId: string, actionId: string): string {
  if (targetId.includes(SEP) || actionId.includes(SEP)) throw new RangeError('id contains U+001F');
  return `${targetId}${SEP}${actionId}`;
}

/** The prefix all pending actions on `targetId` share. */
export const actionPrefix = (targetId: string): string => `${targetId}${SEP}`;

export function parseActionKey(key: string): { targetId: string; actionId: string } {
  const at = key.indexOf(SEP);
  if (at < 0) throw new RangeError(`not an action key: ${key}`);
  return { targetId: key.slice(0, at), actionId: key.slice(at + 1) };
}

/** Whether an id can be part of a key here (it does not contain the separator). */
export const isKeyableId = (id: string): boolean => !id.includes(SEP);

/**
 * Key of a disappearing message: its expiry time zero-padded, so keys list in expiry order. Also
 * the key of the prune indexes of seen ids and pending actions (when each may be forgotten).
 */
export function expiryKey(expiresAt: number, messageId: string): string {
  if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) throw new RangeError('expiry must be a non-negative integer');
  if (messageId.includes(SEP)) throw new RangeError('id contains U+001F');
  return `${expiresAt.toString().padStart(TIME_DIGITS, '0')}${SEP}${messageId}`;
}

export function parseExpiryKey(key: string): { expiresAt: number; messageId: string } {
  const at = key.indexOf(SEP);
  if (at !== TIME_DIGITS) throw new RangeError(`not an expiry key: ${key}`);
  return { expiresAt: Number(key.slice(0, at)), messageId: key.slice(at + 1) };
}
