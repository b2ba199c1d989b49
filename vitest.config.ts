import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The private test helpers: no package lists @parley/test-utils as a dependency (it depends on
// core, client and server-kit, and must not close a cycle), so tests reach its src by alias.
const testUtils = {
  find: /^@parley\/test-utils\/(.+)$/,
  replacement: `${fileURLToPath(new URL('./packages/test-utils/src/', import.meta.url))}$1.ts`,
};

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
        test: { name: 'examples', root: 'examples', include: ['*/test/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
