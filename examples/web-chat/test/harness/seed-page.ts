// Runs in a web chat page before sign-in (bundled by the test with esbuild): fills the IndexedDB
// store the web chat will open with a long history, written the way the client writes messages.
import { idbClientStore } from '@parley/client/browser';
// By path, not through '@parley/client/testing': that entry also exports the vitest-based suites.
import { seedHistory } from '../../../../packages/client/src/testing/seed-history.js';

/** What the page exposes to `page.evaluate`. */
export interface SeedPage {
  seedWebChat(storeName: string, userId: string, messages: number): Promise<string[]>;
}

(globalThis as unknown as SeedPage).seedWebChat = async (storeName, userId, messages) => {
  const store = await idbClientStore({ name: storeName });
  try {
    return await seedHistory(store, { userId, messages });
  } finally {
    await store.close();
  }
};
