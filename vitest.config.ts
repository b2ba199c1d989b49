import { defineConfig } from 'vitest/config';

// One project per package; `source` export conditions resolve @parley/* to src,
// so tests never need a build first.
const shared = {
  resolve: { conditions: ['source'] },
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
        test: { name: 'examples', root: 'examples', include: ['*/test/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
