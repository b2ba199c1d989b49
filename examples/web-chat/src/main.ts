// Entry point: signs in the user this browser was last used as, or asks for a name.
import { ChatApp } from './app.js';
import { openSession, USER_NAME } from './session.js';
import { fillIcons } from './views/icons.js';
import { showScreen } from './views/screens.js';
import { showSignIn } from './views/sign-in.js';

const LAST_USER = 'parley-web-chat:user';
const SIGN_IN_ERROR = 'parley-web-chat:sign-in-error';

async function signIn(userId: string): Promise<void> {
  showScreen('loading');
  let session: Awaited<ReturnType<typeof openSession>>;
  try {
    session = await openSession(userId, { onWaiting: () => showScreen('waiting') });
  } catch (error) {
    showSignIn(signInNow, `This browser cannot keep a Parley device: ${(error as Error).message}`);
    return;
  }
  localStorage.setItem(LAST_USER, userId);
  // Ask the browser not to evict the device's keys and messages under storage pressure.
  void navigator.storage?.persist?.().catch(() => {});
  const app = new ChatApp(session, async (error) => {
    await session.client.close().catch(() => {});
    localStorage.removeItem(LAST_USER);
    if (error) sessionStorage.setItem(SIGN_IN_ERROR, error);
    // A fresh page is the simplest way to drop every piece of the previous user's state.
    location.reload();
  });
  await app.start();
}

const signInNow = (userId: string) => void signIn(userId);

fillIcons(document);

const lastUser = localStorage.getItem(LAST_USER);
const error = sessionStorage.getItem(SIGN_IN_ERROR) ?? '';
sessionStorage.removeItem(SIGN_IN_ERROR);
if (lastUser && USER_NAME.test(lastUser) && !error) void signIn(lastUser);
else showSignIn(signInNow, error);
