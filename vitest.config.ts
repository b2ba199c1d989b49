import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// The private test helpers: no package lists @parley/test-utils as a dependency (it depends on
// core, client and server-kit, and must not close a cycle), so tests reach its src by alias.
const testUtils = {
  find: /^@parley\/test-utils\/(.+)$/,
  replacement: `${fileURLToPath(new URL('./packages/test-utils/src/', import.meta.url))}$1.ts`,
};

const BROWSER_TESTS = 'web-chat/test/browser/**/*.browser.test.ts';

// One project per package; `source` export conditions resolve @parley/* to src,
// so tests never need a build first.
const shared = {
  resolve: { conditions: ['source'], alias: [testUtils] },
  ssr: { resolve: { conditions: ['source'] } },
};

export default defineConfig({
  test: {
    projects: [
      // Crypto loops run for seconds on a busy 2-core machine: a timeout is for hangs, not for speed.
      { ...shared, test: { name: 'core', root: 'packages/core', include: ['test/**/*.test.ts'], testTimeout: 30_000 } },
      {
        ...shared,
        test: { name: 'server-kit', root: 'packages/server-kit', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        ...shared,
        test: {
          name: 'client',
          root: 'packages/client',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'interop',
          root: 'packages/interop-tests',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'conformance',
          root: 'packages/conformance-tests',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        ...shared,
        test: { name: 'test-utils', root: 'packages/test-utils', include: ['test/**/*.test.ts'] },
      },
      {
        ...shared,
        test: {
          name: 'examples',
          root: 'examples',
          include: ['*/test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, BROWSER_TESTS],
          testTimeout: 60_000,
        },
      },
      // The web chat in Chromium: one reference server and one Chromium for every file (started by
      // the global setup only when one of these files runs); `--project 'examples*'` runs both.
      {
        ...shared,
        test: {
          name: 'examples-browser',
          root: 'examples',
          include: [BROWSER_TESTS],
          globalSetup: ['web-chat/test/harness/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
