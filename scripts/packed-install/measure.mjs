// Sizes for the release notes, measured from the tarballs: installed size of a client-only app and
// of a server-kit app without and with better-sqlite3, and the browser bundle of a minimal app.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';

const du = (dir) =>
  Number(execFileSync('du', ['-sk', path.join(dir, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Installs the projects under `work/measure`, prints the figures and returns them. */
export function measure({ work, tarballs, versions, run, fixtures }) {
  const file = (name) => `file:${tarballs[name]}`;
  const core = { '@parley/core': file('@parley/core') };
  const projects = {
    'client-only app': { ...core, '@parley/client': file('@parley/client') },
    'server-kit app (memory stores)': { ...core, '@parley/server-kit': file('@parley/server-kit') },
    'server-kit app + better-sqlite3': {
      ...core,
      '@parley/server-kit': file('@parley/server-kit'),
      'better-sqlite3': versions['better-sqlite3'],
    },
  };
  const sizes = {};
  for (const [label, dependencies] of Object.entries(projects)) {
    const dir = path.join(work, 'measure', label.replace(/\W+/g, '-'));
    run(dir, label, dependencies);
    sizes[label] = du(dir);
  }
  const bundleDir = path.join(work, 'measure', 'browser-bundle');
  run(bundleDir, 'browser bundle', projects['client-only app'], { esbuild: versions.esbuild });
  for (const fixture of ['browser-app.mjs', 'bundle-size.mjs'])
    cpSync(path.join(fixtures, fixture), path.join(bundleDir, fixture));
  const bundle = JSON.parse(execFileSync(process.execPath, ['bundle-size.mjs'], { cwd: bundleDir, encoding: 'utf8' }));
  console.log('\n== sizes (from the tarballs)');
  for (const [label, size] of Object.entries(sizes))
    console.log(`installed, ${label}: ${mib(size)} (du -sk node_modules)`);
  console.log(
    `browser bundle of a minimal client app (esbuild, minified): initial ${kib(bundle.initial.gzip)} gzip (${kib(bundle.initial.raw)} raw), lazy ${kib(bundle.lazy.gzip)} gzip (${kib(bundle.lazy.raw)} raw); Signal library only in lazy chunks: ${bundle.signalLibraryLazy}`,
  );
  return { sizes, bundle };
}
