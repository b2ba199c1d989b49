// The glue to @parley/client: one store and one client per signed-in user in this browser profile.
import { type ClientStore, createClient, isParleyError, type ParleyClient } from '@parley/client';
import { idbClientStore } from '@parley/client/browser';

export interface Session {
  userId: string;
  client: ParleyClient;
  /** The client's store (the client keeps the chat list and history there). */
  store: ClientStore;
}

/** User names the web chat accepts: short, lowercase, no spaces (the server itself accepts more). */
export const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/** The gateway is the server that served this page: same host, WebSocket scheme. */
export function gatewayUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** The IndexedDB database of a user's device in this browser. */
export const storeName = (userId: string) => `parley-web-chat:${userId}`;

/**
 * Opens the user's store and creates the client (not connected yet, so the caller can listen to
 * events first). One device per browser profile: when another tab has this user open, the store
 * rejects with CONFLICT; then `onWaiting` is called and the session opens once that tab is closed.
 */
export async function openSession(userId: string, hooks: { onWaiting(): void }): Promise<Session> {
  let store: ClientStore;
  try {
    store = await idbClientStore({ name: storeName(userId) });
  } catch (error) {
    if (!isParleyError(error, 'CONFLICT')) throw error;
    hooks.onWaiting();
    store = await idbClientStore({ name: storeName(userId), whenLocked: 'wait' });
  }
  const client = createClient({ url: gatewayUrl(location), userId, store });
  return { userId, client, store };
}
