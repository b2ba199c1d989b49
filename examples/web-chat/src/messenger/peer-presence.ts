// What this tab knows of its peers (online, last seen, typing) and of its own link to the server:
// while that link is down, peers' presence is unknown, so it is not shown.
import type { ConnectionState, ParleyClient } from '@parley/client';
import { type PeerState, presenceLine } from '../format.js';
import { type GroupInfo, membersLine } from '../groups.js';
import { connectionLine } from '../views/connection-banner.js';

const noop = () => {};

export class PeerPresence {
  private readonly peers = new Map<string, PeerState>();
  /** This tab's own link to the server. */
  connection: ConnectionState = 'idle';

  constructor(private readonly client: Pick<ParleyClient, 'presence'>) {}

  get connected(): boolean {
    return this.connection === 'connected';
  }

  /** Records what the server or a message told about a peer. */
  update(userId: string, change: Partial<PeerState>): void {
    this.peers.set(userId, { typing: false, ...this.peers.get(userId), ...change });
  }

  isTyping(userId: string): boolean {
    return this.peers.get(userId)?.typing === true;
  }

  /** Asks the server for these users' presence (and their changes from now on). */
  subscribe(userIds: string[]): void {
    if (userIds.length > 0) void this.client.presence.subscribe(userIds).catch(noop);
  }

  /** The line under a chat's name: this tab being offline, else a group's members or the peer's presence. */
  headerLine(chatId: string, group: GroupInfo | undefined, self: string): string {
    const offline = connectionLine(this.connection);
    if (group) return offline ?? membersLine(group, self);
    return offline ?? presenceLine(this.peers.get(chatId), Date.now());
  }

  /** Who the chat list marks as typing and as online: nobody while this tab is not live. */
  listMarks(): { typing: Set<string>; online: Set<string> } {
    const live = this.connection === 'connected' && navigator.onLine;
    const peers = [...this.peers.entries()];
    return {
      typing: new Set(peers.filter(([, p]) => live && p.typing).map(([id]) => id)),
      online: new Set(peers.filter(([, p]) => live && p.online).map(([id]) => id)),
    };
  }
}
