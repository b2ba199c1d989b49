// Journey: carol, on a Node client, writes to bob while his tab is hidden: a notification shows;
// bob opens the chat and answers, and carol receives it.
import type { ParleyClient } from '@parley/client';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chatRow, outgoing, send } from '../harness/chat-page.js';
import { type FakeNotifications, setHidden } from '../harness/hidden-tab.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();

describe('web chat in Chromium: a Node client and a hidden tab', () => {
  let bob: Page;
  let carol: ParleyClient;

  beforeAll(async () => {
    [{ page: bob }] = await world.signInNewProfiles('bob');
  }, 60_000);

  it('a Node client (carol) and a browser (bob) write to each other; a hidden tab notifies', async () => {
    carol = world.nodeClient('carol');
    const received: string[] = [];
    carol.on('message:received', (m) =>
      received.push(m.content.kind === 'text' ? m.content.text : `<${m.content.kind}>`),
    );
    await carol.connect();
    await setHidden(bob, true);
    await carol.sendText('bob', 'hello from node');
    await chatRow(bob, 'carol').locator('.unread', { hasText: '1' }).waitFor();
    await bob.waitForFunction(() => (globalThis as unknown as FakeNotifications).shownNotifications.length > 0);
    expect(await bob.evaluate(() => (globalThis as unknown as FakeNotifications).shownNotifications)).toEqual([
      { title: 'carol', body: 'hello from node' },
    ]);
    await setHidden(bob, false);
    await chatRow(bob, 'carol').click();
    await send(bob, 'hello from chromium');
    await vi.waitFor(() => expect(received).toEqual(['hello from chromium']), { timeout: 15_000 });
    await outgoing(bob, 'hello from chromium', 'delivered').waitFor();
  });

  world.itRaisedNoPageErrors();
});
