// Measures what a minimal browser app using the client costs to load: bundles
// `createClient + idbClientStore + sendText` with esbuild (ESM, code splitting, minified) and
// prints raw and gzip sizes of the initial load and of the chunks loaded later (the Signal library,
// which @parley/core imports on first use). `--json` prints the figures as JSON.
//
//   node scripts/bundle-size.mjs
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const APP = `
import { createClient } from '@parley/client';
import { idbClientStore } from '@parley/client/browser';
const client = createClient({ url: 'ws://127.0.0.1:8080', userId: 'alice', store: await idbClientStore() });
await client.sendText('bob', 'hello');
`;

const result = await build({
  stdin: { contents: APP, resolveDir: new URL('..', import.meta.url).pathname, loader: 'ts', sourcefile: 'app.ts' },
  bundle: true,
  format: 'esm',
  splitting: true,
  platform: 'browser',
  target: 'es2022',
  conditions: ['source'],
  minify: true,
  metafile: true,
  outdir: 'out',
  write: false,
  logLevel: 'silent',
});

const outputs = result.metafile.outputs;
const bytes = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/out/') + 1), f.contents]));
const shortName = (file) => file.replace(/^out\//, '').replace(/^stdin\.js$/, 'app.js');
const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint);

// The initial load: the entry and everything it imports statically; the rest loads on demand.
const initial = new Set();
const visit = (name) => {
  if (initial.has(name)) return;
  initial.add(name);
  for (const dep of outputs[name].imports) if (dep.kind === 'import-statement') visit(dep.path);
};
visit(entry);

const chunks = Object.keys(outputs).map((name) => {
  const contents = bytes.get(name);
  const inputs = Object.keys(outputs[name].inputs);
  return {
    file: name,
    initial: initial.has(name),
    raw: contents.byteLength,
    gzip: gzipSync(contents, { level: 9 }).byteLength,
    signal: inputs.some((i) => i.includes('libsignal-protocol-typescript') || i.includes('curve25519-typescript')),
    largest: inputs
      .map((input) => ({ input, raw: outputs[name].inputs[input].bytesInOutput }))
      .sort((a, b) => b.raw - a.raw)[0],
  };
});
const sum = (list, key) => list.reduce((n, c) => n + c[key], 0);
const initialChunks = chunks.filter((c) => c.initial);
const lazyChunks = chunks.filter((c) => !c.initial);
const report = {
  initial: { raw: sum(initialChunks, 'raw'), gzip: sum(initialChunks, 'gzip') },
  lazy: { raw: sum(lazyChunks, 'raw'), gzip: sum(lazyChunks, 'gzip') },
  signalLibraryLazy: chunks.some((c) => c.signal) && chunks.every((c) => !c.signal || !c.initial),
  chunks,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KiB`;
  console.log('Minimal app: createClient + idbClientStore + sendText (esbuild, ESM, splitting, minified)\n');
  console.log(`${'chunk'.padEnd(28)} ${'load'.padEnd(8)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)}  largest input`);
  for (const c of [...chunks].sort((a, b) => b.raw - a.raw)) {
    const largest = c.largest
      ? `${c.largest.input.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')} (${kb(c.largest.raw).trim()} raw)`
      : '';
    console.log(
      `${shortName(c.file).padEnd(28)} ${(c.initial ? 'initial' : 'lazy').padEnd(8)} ${kb(c.raw)} ${kb(c.gzip)}  ${largest}`,
    );
  }
  console.log(`\ninitial load ${kb(report.initial.raw)} raw ${kb(report.initial.gzip)} gzip`);
  console.log(`on first use ${kb(report.lazy.raw)} raw ${kb(report.lazy.gzip)} gzip`);
  console.log(`Signal library in a lazy chunk: ${report.signalLibraryLazy ? 'yes' : 'NO'}`);
}
process.exitCode = report.signalLibraryLazy ? 0 : 1;
