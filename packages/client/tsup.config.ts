import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    sqlite: 'src/sqlite.ts',
    browser: 'src/browser.ts',
    testing: 'src/testing.ts',
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { types: ['node'] } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['vitest', 'better-sqlite3'],
});
