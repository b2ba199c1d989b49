import type { ConnectionState } from '@parley/client';

/** Pure formatting of what the chat prints. `color` adds ANSI styling (only for terminals). */

export const HELP = `Commands (names are not case-sensitive):
  @name message                 send "message" to name
  #group message                send to a group (its name with dashes for spaces, or an id prefix)
  /create Group name @a @b      create a group with you as admin
  /add #group @name…            add members (admins only)
  /remove #group @name…         remove members (admins only)
  /leave #group                 leave a group
  /groups                       list your groups
  /history @name|#group [n]     the last n messages of a chat (default 20), from this device's history
  /file @name|#group <path> [caption]
                                send a file (image, video, voice note or document by its extension)
  /save <id> [path]             save a received file (its id is shown beside it)
  /reply <id> text              reply to a message (id: the 8 characters shown beside it)
  /react <id> 👍                react to a message (no emoji removes your reaction)
  /edit <id> text               change a message you sent (within 15 minutes)
  /delete <id>                  delete a message you sent for everyone (within 48 hours)
  /safety name                  show the safety number with name (compare it with theirs, out of band)
  /help                         show this help
  /quit                         leave (Ctrl+D works too); unsent messages are kept and sent next time`;

/** HH:MM in local time. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The last 8 characters of a message id: the random part of a UUIDv7, so distinct between messages. */
export function shortId(id: string): string {
  return id.slice(-8);
}

/**
 * Text from the network may hold terminal control sequences (cursor moves, screen clears,
 * title changes): show control characters as visible escapes instead of executing them.
 */
export function sanitize(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += '\n        ';
    else if (ch !== '\t' && (code < 0x20 || (code >= 0x7f && code <= 0x9f)))
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

export interface IncomingLine {
  from: string;
  /** The other user of a 1:1 conversation, or the group's id. */
  chatId: string;
  /** The group's name when the message is in a group. */
  groupName?: string | undefined;
  text: string;
  time: number;
  /** Sent by this user from another device. */
  outgoing: boolean;
  /** The message id, shown short so /reply, /react, /edit and /delete can name it. */
  id?: string;
  /** The message it replies to, with the quoted text. */
  replyTo?: { id: string; userId: string; text: string };
}

/**
 * `[12:34] bob: text`; `[12:34] alice → bob: text` for a message sent from another of our devices;
 * `[12:34] [Dinner crew] bob: text` in a group.
 */
export function renderMessage(m: IncomingLine): string {
  const who =
    m.groupName !== undefined
      ? `[${sanitize(m.groupName)}] ${sanitize(m.from)}`
      : m.outgoing
        ? `${sanitize(m.from)} → ${sanitize(m.chatId)}`
        : sanitize(m.from);
  const quote = m.replyTo ? ` ↪ ${sanitize(m.replyTo.userId)}: "${sanitize(m.replyTo.text.slice(0, 40))}"` : '';
  const id = m.id ? ` (${shortId(m.id)})` : '';
  return `[${formatTime(m.time)}] ${who}:${quote} ${sanitize(m.text)}${id}`;
}

/** What a reaction, edit or delete changed, as one line. */
export function renderUpdate(u: {
  id: string;
  change: 'reaction' | 'edit' | 'delete';
  text: string;
  reactions: Array<{ userId: string; emoji: string }>;
  by: string;
}): string {
  const ref = `(${shortId(u.id)})`;
  if (u.change === 'delete') return `~ ${ref} deleted by ${sanitize(u.by)}`;
  if (u.change === 'edit') return `~ ${ref} edited: ${sanitize(u.text)}`;
  const list = u.reactions.map((r) => `${sanitize(r.emoji)} ${sanitize(r.userId)}`).join(', ');
  return `~ ${ref} reactions: ${list || 'none'}`;
}

/** How a chat is named in status lines: `bob` or `[Dinner crew]`. */
export function chatLabel(chatId: string, groupName: string | undefined): string {
  return groupName === undefined ? sanitize(chatId) : `[${sanitize(groupName)}]`;
}

export function renderSent(id: string, to: string): string {
  return `✓ sent to ${to} (${shortId(id)})`;
}

/** Delivered / read ticks as they change: `✓✓ read by bob (1a2b3c4d)`; in a group, by everyone. */
export function renderReceipt(
  id: string,
  status: 'delivered' | 'read',
  by: string,
  chat: string,
  color: boolean,
): string {
  const who = by === '*' ? `everyone in ${chat}` : sanitize(by);
  const line = `✓✓ ${status === 'read' ? 'read by' : 'delivered to'} ${who} (${shortId(id)})`;
  return color && status === 'read' ? `\u001b[34m${line}\u001b[39m` : line;
}

/** A received file: kind, name, size and caption, and how to save it. */
export function renderMedia(m: {
  kind: string;
  fileName?: string | undefined;
  size: number;
  caption?: string | undefined;
  id: string;
}): string {
  const name = m.fileName ? ` ${sanitize(m.fileName)}` : '';
  const caption = m.caption ? ` ${sanitize(m.caption)}` : '';
  return `[${m.kind}${name}, ${formatSize(m.size)}]${caption} (/save ${shortId(m.id)})`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function renderGroups(groups: Array<{ id: string; name: string; members: number; admin: boolean }>): string {
  if (groups.length === 0) return 'no groups yet: /create Group name @member…';
  return groups
    .map(
      (g) =>
        `#${sanitize(g.name).trim().toLowerCase().replace(/\s+/g, '-')}  ${sanitize(g.name)}, ${g.members} members${g.admin ? ', you are admin' : ''} (id ${g.id.slice(0, 8)})`,
    )
    .join('\n');
}

export function renderFailed(id: string, to: string, code: string, message: string): string {
  const detail = message && message !== code ? `: ${sanitize(message)}` : '';
  const hint = code === 'UNKNOWN_RECIPIENT' ? ' (nobody has signed in with that name yet)' : '';
  return `✗ not sent to ${to} (${shortId(id)}): ${code}${detail}${hint}`;
}

export function renderUnreadable(from: string, reason: string): string {
  return `✗ unreadable message from ${sanitize(from)}: ${sanitize(reason)}`;
}

export function renderWaiting(pending: number, color: boolean): string {
  return dim(`-- waiting for the server to take ${plural(pending, 'message')} (Ctrl+C leaves them queued)`, color);
}

export function renderKept(pending: number, color: boolean): string {
  const they = pending === 1 ? 'it goes' : 'they go';
  return dim(`-- ${plural(pending, 'unsent message')} kept; ${they} out the next time you start the chat`, color);
}

export function renderState(state: ConnectionState, reason: string | undefined, url: string, color: boolean): string {
  const text =
    state === 'connected'
      ? `connected to ${url}`
      : state === 'connecting'
        ? `connecting to ${url}…`
        : state === 'reconnecting'
          ? `reconnecting${reason ? ` (${sanitize(reason)})` : ''}…`
          : `${state}${reason ? ` (${sanitize(reason)})` : ''}`;
  return dim(`-- ${text}`, color);
}

export function renderSynced(received: number, color: boolean): string {
  return dim(`-- synced ${plural(received, 'message')}`, color);
}

export function renderInfo(text: string, color: boolean): string {
  return dim(`-- ${text}`, color);
}

export function renderError(text: string, color: boolean): string {
  return color ? `\u001b[31m${text}\u001b[39m` : text;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function dim(text: string, color: boolean): string {
  return color ? `\u001b[2m${text}\u001b[22m` : text;
}
