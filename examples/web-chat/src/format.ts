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

/** Ticks of an outgoing message: a clock while pending, one grey, two grey, two blue; a mark when it failed. */
export function ticks(status: MessageStatus | undefined): { glyph: string; label: string } {
  switch (status) {
    case 'sent':
      return { glyph: '✓', label: 'sent' };
    case 'delivered':
      return { glyph: '✓✓', label: 'delivered' };
    case 'read':
      return { glyph: '✓✓', label: 'read' };
    case 'failed':
      return { glyph: '!', label: 'not sent' };
    default:
      return { glyph: '🕓', label: 'sending' };
  }
}
