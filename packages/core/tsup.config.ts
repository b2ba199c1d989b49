import { defineConfig } from 'tsup';
import { keepPatchMarkers, SIGNAL_LIBRARY, VENDORED, vendoredOnlyProtobufjs, writeNotices } from './build/vendor.js';

// The Signal library (GPL-3.0, fixed by patches/ in this repository) and what it needs are bundled
// into dist, so what npm installs is the fixed code CI tests, and no workspace-only pnpm setting
// (patchedDependencies, overrides, packageExtensions) reaches a consumer. crypto/library.ts loads
// it with import(): in ESM it lands in its own chunk, so an app's initial load stays small.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    crypto: 'src/crypto/index.ts',
    groups: 'src/groups/index.ts',
    devices: 'src/devices/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  noExternal: [...VENDORED, /^protobufjs(\/|$)/],
  esbuildPlugins: [vendoredOnlyProtobufjs(), keepPatchMarkers()],
  // One copy of the library in the CJS output too (tsup's splitting for CJS), not one per entry.
  splitting: true,
  esbuildOptions(options, { format }) {
    // Keeps `//!` comments (the PARLEY PATCH markers, see build/vendor.ts) where they are written.
    options.legalComments = 'inline';
    // The curve's asm.js (Emscripten) code reads __dirname when it runs on Node, which an ES module
    // does not have; it only uses it to locate files it never loads (its memory is inlined).
    if (format === 'esm') options.define = { ...options.define, __dirname: '"/"' };
  },
  onSuccess: () => writeNotices('dist', SIGNAL_LIBRARY),
});
