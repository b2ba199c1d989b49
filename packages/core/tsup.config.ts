import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', crypto: 'src/crypto/index.ts', groups: 'src/groups/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
