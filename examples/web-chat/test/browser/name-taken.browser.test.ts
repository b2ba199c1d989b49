// Journey: someone in another browser signs in with a name that is already tariq's device there:
// the server refuses it, and the sign-in form says why.
import { beforeAll, describe, it } from 'vitest';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { openChat } = world;

describe('web chat in Chromium: a name taken by another browser', () => {
  beforeAll(async () => {
    // tariq's device, in his own browser.
    await world.signInNewProfiles('tariq');
  }, 60_000);

  it('refuses a name that is already the device of another browser, and says why', async () => {
    const stranger = await world.browser().newContext();
    const page = await openChat(stranger, 'stranger');
    await page.getByLabel('Your user name').fill('tariq');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#sign-in-error', { hasText: 'refused this browser as a device of tariq' }).waitFor();
    await stranger.close();
  });

  world.itRaisedNoPageErrors();
});
