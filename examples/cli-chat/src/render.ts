import type { ConnectionState } from '@parley/client';

/** Pure formatting of what the chat prints. `color` adds ANSI styling (only for terminals). */

export const HELP = `Commands:
  @name message   send "message" to name
  /history name [n]  show the last n (default 20) messages with name, from this device's history
  /help           show this help
  /quit           leave (Ctrl+D works too); unsent messages are kept and sent next time`;

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
  /** The other user of the conversation. */
  chatId: string;
  text: string;
  time: number;
  /** Sent by this user from another device. */
  outgoing: boolean;
}

/** `[12:34] bob: text`, or `[12:34] alice → bob: text` for a message sent from another of our devices. */
export function renderMessage(m: IncomingLine): string {
  const who = m.outgoing ? `${sanitize(m.from)} → ${sanitize(m.chatId)}` : sanitize(m.from);
  return `[${formatTime(m.time)}] ${who}: ${sanitize(m.text)}`;
}

export function renderSent(id: string, to: string): string {
  return `✓ sent to ${sanitize(to)} (${shortId(id)})`;
}

export function renderFailed(id: string, to: string, code: string, message: string): string {
  const detail = message && message !== code ? `: ${sanitize(message)}` : '';
  return `✗ not sent to ${sanitize(to)} (${shortId(id)}): ${code}${detail}`;
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
