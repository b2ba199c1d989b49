// How this tab's own link to the server is told: the banner (with "Reconnect now" while waiting to
// retry), and the open chat's header line while the link is down.
import type { ConnectionState } from '@parley/client';
import { byId } from './dom.js';

const CONNECTION_TEXT: Record<ConnectionState | 'offline', string> = {
  idle: '',
  connecting: 'Connecting…',
  connected: '',
  reconnecting: 'Not connected: new messages wait here and go out when the connection is back.',
  offline: 'This device is offline: new messages wait here and go out when the network is back.',
  closed: 'Signed out.',
};

/** Shows the banner for `connection`, or for "offline" when the browser says the network is gone. */
export function showConnectionBanner(connection: ConnectionState): void {
  // The browser's own idea of being offline comes before the socket notices.
  const state = navigator.onLine ? connection : 'offline';
  const element = byId('connection', HTMLElement);
  element.dataset.state = state;
  byId('connection-text', HTMLElement).textContent = CONNECTION_TEXT[state];
  byId('reconnect', HTMLButtonElement).hidden = state !== 'reconnecting' && state !== 'offline';
}

/** The header line while this tab is not connected (a peer's presence would be stale then). */
export function connectionLine(state: ConnectionState): string | undefined {
  // Said of this tab ("you"), so it cannot be read as the peer being offline.
  if (!navigator.onLine) return 'you are offline';
  if (state === 'connecting') return 'connecting…';
  if (state === 'reconnecting' || state === 'closed') return 'you are offline';
  return undefined;
}
