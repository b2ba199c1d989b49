// Pure formatting, kept apart from the DOM so it is unit-tested in Node.
import type { MessageStatus } from '@parley/client';

/** A chat peer as the header shows it. */
export interface PeerState {
  /** Undefined until the server told us (or never, when the peer hides it). */
  online?: boolean;
  lastSeen?: number | undefined;
  typing: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 14:05 */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "14:05" today, "yesterday", else "3 Mar" (the chat list's time column). */
export function listTime(at: number, now: number): string {
  const day = (t: number) => new Date(t).toDateString();
  if (day(at) === day(now)) return clockTime(at);
  if (day(at) === day(now - 86_400_000)) return 'yesterday';
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** The header line under the peer's name: typing…, online, last seen …, or nothing when unknown. */
export function presenceLine(peer: PeerState | undefined, now: number): string {
  if (!peer) return '';
  if (peer.typing) return 'typing…';
  if (peer.online) return 'online';
  if (peer.lastSeen === undefined) return '';
  const when = listTime(peer.lastSeen, now);
  return when.includes(':') ? `last seen today at ${when}` : `last seen ${when} at ${clockTime(peer.lastSeen)}`;
}

/**
 * Ticks of an outgoing message, told apart by shape as well as colour: a clock while pending, one
 * check when the server has it, two checks when delivered, two checks on a filled badge when read,
 * an exclamation mark when it failed.
 */
export function ticks(status: MessageStatus | undefined): {
  icon: 'clock' | 'check' | 'checks' | 'alert';
  label: string;
} {
  switch (status) {
    case 'sent':
      return { icon: 'check', label: 'sent' };
    case 'delivered':
      return { icon: 'checks', label: 'delivered' };
    case 'read':
      return { icon: 'checks', label: 'read' };
    case 'failed':
      return { icon: 'alert', label: 'not sent' };
    default:
      return { icon: 'clock', label: 'sending' };
  }
}

/** Up to two initials of a user or group name for its avatar: "alice" → "A", "Dinner crew" → "DC", "mary-jo" → "MJ". */
export function initials(name: string): string {
  const words = name.split(/[\s._-]+/u).filter(Boolean);
  const letters = (words.length > 1 ? words.slice(0, 2).map((w) => [...w][0]) : [[...(words[0] ?? '?')][0]]).join('');
  return letters.toLocaleUpperCase() || '?';
}

/** A stable hue (0–359) for a name, so each avatar keeps its colour. */
export function avatarHue(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}

/** The date separator above a day's first message: "Today", "Yesterday", else "Tuesday 3 March 2026". */
export function dayLabel(at: number, now: number): string {
  const day = (t: number) => new Date(t).toDateString();
  if (day(at) === day(now)) return 'Today';
  if (day(at) === day(now - 86_400_000)) return 'Yesterday';
  return new Date(at).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** The key of a message's day (local time), to tell where a date separator goes. */
export const dayKey = (at: number) => new Date(at).toDateString();
