// Journey: nadia, on a Node client, writes to hugo while his tab is hidden: a notification shows;
// hugo opens the chat and answers, and nadia receives it.
import type { ParleyClient } from '@parley/client';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chatRow, outgoing, send } from '../harness/chat-page.js';
import { type FakeNotifications, setHidden } from '../harness/hidden-tab.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();

describe('web chat in Chromium: a Node client and a hidden tab', () => {
  let hugo: Page;
  let nadia: ParleyClient;

  beforeAll(async () => {
    [{ page: hugo }] = await world.signInNewProfiles('hugo');
  }, 60_000);

  it('a Node client (nadia) and a browser (hugo) write to each other; a hidden tab notifies', async () => {
    nadia = world.nodeClient('nadia');
    const received: string[] = [];
    nadia.on('message:received', (m) =>
      received.push(m.content.kind === 'text' ? m.content.text : `<${m.content.kind}>`),
    );
    await nadia.connect();
    await setHidden(hugo, true);
    await nadia.sendText('hugo', 'hello from node');
    await chatRow(hugo, 'nadia').locator('.unread', { hasText: '1' }).waitFor();
    await hugo.waitForFunction(() => (globalThis as unknown as FakeNotifications).shownNotifications.length > 0);
    expect(await hugo.evaluate(() => (globalThis as unknown as FakeNotifications).shownNotifications)).toEqual([
      { title: 'nadia', body: 'hello from node' },
    ]);
    await setHidden(hugo, false);
    await chatRow(hugo, 'nadia').click();
    await send(hugo, 'hello from chromium');
    await vi.waitFor(() => expect(received).toEqual(['hello from chromium']), { timeout: 15_000 });
    await outgoing(hugo, 'hello from chromium', 'delivered').waitFor();
  });

  world.itRaisedNoPageErrors();
});
