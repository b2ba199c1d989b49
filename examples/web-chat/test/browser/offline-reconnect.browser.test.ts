// Journey: ivy's browser goes offline, then the server is cut off: the header says "you are
// offline" (not a stale "online"), a pending message is cancelled and another waits; Reconnect
// now brings the link back, and so do the browser's online event and focus.
import type { WebSocketRoute } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatRow, outgoing, peerStatus, send, startChatWith } from '../harness/chat-page.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { signIn, screenshot } = world;

describe('web chat in Chromium: offline and reconnecting', () => {
  beforeAll(async () => {
    // oskar is online for ivy to see.
    await world.signInNewProfiles('oskar');
  }, 60_000);

  it('says "offline" in the header for this tab, not a stale "online", and Reconnect now reconnects', async () => {
    const context = await world.browser().newContext();
    // Every WebSocket of this profile goes through here, so the test can cut the server off.
    let blocked = false;
    const sockets: WebSocketRoute[] = [];
    await context.routeWebSocket(/.*/, (ws) => {
      const server = ws.connectToServer();
      if (blocked) {
        // Like a server that accepts the socket, then drops it: the page never hears from it.
        server.onMessage(() => void ws.close({ code: 1001, reason: 'blocked by the test' }));
        return;
      }
      sockets.push(ws);
    });
    const ivy = await signIn(context, 'ivy');
    await startChatWith(ivy, 'oskar');
    await peerStatus(ivy, /^online$/).waitFor();

    // The browser says the network is gone: the header says so at once.
    await context.setOffline(true);
    await peerStatus(ivy, /^you are offline$/).waitFor();
    await ivy.locator('#connection', { hasText: 'This device is offline' }).waitFor();
    await context.setOffline(false);
    await peerStatus(ivy, /^online$/).waitFor();

    // The connection to the server drops and stays down; time stands still, so only the button
    // (not the client's backoff) can bring it back.
    await ivy.clock.install();
    await ivy.clock.pauseAt(Date.now() + 1000);
    blocked = true;
    await Promise.all(sockets.splice(0).map((ws) => ws.close({ code: 1001, reason: 'cut by the test' })));
    await peerStatus(ivy, /^you are offline$/).waitFor();
    expect(await chatRow(ivy, 'oskar').locator('.online-dot').count()).toBe(0);
    const reconnect = ivy.getByRole('button', { name: 'Reconnect now' });
    await reconnect.waitFor();
    // Sends wait as pending meanwhile; a pending one can be taken back.
    await send(ivy, 'never mind');
    const cancelled = outgoing(ivy, 'never mind', 'pending');
    await cancelled.getByRole('button', { name: 'Cancel sending' }).click();
    await cancelled.waitFor({ state: 'detached' });
    await send(ivy, 'back soon');
    await outgoing(ivy, 'back soon', 'pending').waitFor();
    await screenshot(ivy, '7-offline-header');

    const attempts = sockets.length;
    blocked = false;
    await reconnect.click();
    await peerStatus(ivy, /^online$/).waitFor();
    expect(sockets.length).toBeGreaterThan(attempts);
    await ivy.clock.resume();
    await outgoing(ivy, 'back soon', 'delivered').waitFor();
    expect(await outgoing(ivy, 'never mind').count()).toBe(0);
    expect(await reconnect.isHidden()).toBe(true);

    // Without the button too, the client retries at once when the browser says the network is back
    // (`online`) or the tab gets focus; with the clock paused again, only these signals can do it.
    for (const signal of ['online', 'focus'] as const) {
      await ivy.clock.pauseAt(await ivy.evaluate(() => Date.now() + 1000));
      await Promise.all(sockets.splice(0).map((ws) => ws.close({ code: 1001, reason: 'cut by the test' })));
      await peerStatus(ivy, /^you are offline$/).waitFor();
      if (signal === 'online') {
        await context.setOffline(true);
        await context.setOffline(false);
      } else {
        await ivy.evaluate(() => window.dispatchEvent(new Event('focus')));
      }
      await peerStatus(ivy, /^online$/).waitFor();
      await ivy.clock.resume();
    }
    await context.close();
  });

  world.itRaisedNoPageErrors();
});
