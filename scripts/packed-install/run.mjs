#!/usr/bin/env node
// The packed-install check: what npm installs must be what CI tests. Builds and packs every
// publishable package, installs the tarballs with npm into a fresh project outside the repository,
// and there checks the installed tree (fixes present, npm ls clean, no code generator, nothing
// undeclared), imports every entry point in ESM and CJS, type-checks a strict TypeScript consumer,
// runs a Node smoke test and the Signal regression and interop tests against the installed copy.
//
//   node scripts/packed-install/run.mjs [--keep] [--no-build] [--measure]
//
// --keep leaves the temporary project in place; --no-build packs the dist already built;
// --measure also reports installed and browser bundle sizes (measure.mjs). Loopback only.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = new Set(process.argv.slice(2));
const PNPM = ['npx', '--yes', 'pnpm@10.34.8'];
/** The publishable packages, by folder under packages/. */
export const PUBLISHED = ['core', 'client', 'server-kit'];
const MINUTE = 60_000;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const timings = [];

/** Runs a command, streaming its output; throws when it fails or outlives `timeoutMs`. */
export function run(label, command, commandArgs, { cwd, timeoutMs = 5 * MINUTE, env } = {}) {
  const started = Date.now();
  console.log(`\n== ${label}`);
  const result = spawnSync(command, commandArgs, {
    cwd,
    stdio: 'inherit',
    timeout: timeoutMs,
    env: { ...process.env, ...env },
  });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  timings.push(`${label}: ${seconds} s`);
  if (result.error) throw new Error(`${label}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${label}: exit ${result.status ?? result.signal}`);
}

/** Packs every publishable package into `into`; returns the tarball paths by package name. */
export function pack(into) {
  mkdirSync(into, { recursive: true });
  const tarballs = {};
  for (const dir of PUBLISHED) {
    const cwd = path.join(root, 'packages', dir);
    const before = new Set(readdirSync(into));
    run(`pack @parley/${dir}`, PNPM[0], [...PNPM.slice(1), 'pack', '--pack-destination', into], { cwd });
    const made = readdirSync(into).find((file) => !before.has(file));
    if (!made) throw new Error(`pnpm pack made no tarball for ${dir}`);
    tarballs[readJson(path.join(cwd, 'package.json')).name] = path.join(into, made);
  }
  return tarballs;
}

/** Versions the workspace tests with, so the installed project uses the same ones. */
export function workspaceVersions() {
  const rootManifest = readJson(path.join(root, 'package.json'));
  const serverKit = readJson(path.join(root, 'packages/server-kit/package.json'));
  const interop = readJson(path.join(root, 'packages/interop-tests/package.json'));
  const webChat = readJson(path.join(root, 'examples/web-chat/package.json'));
  return {
    'better-sqlite3': serverKit.devDependencies['better-sqlite3'],
    // What an app using the SQLite, PostgreSQL and Redis subpaths installs beside server-kit.
    '@types/better-sqlite3': serverKit.devDependencies['@types/better-sqlite3'],
    pg: serverKit.devDependencies.pg,
    '@types/pg': serverKit.devDependencies['@types/pg'],
    ioredis: serverKit.devDependencies.ioredis,
    typescript: rootManifest.devDependencies.typescript,
    '@types/node': rootManifest.devDependencies['@types/node'],
    vitest: rootManifest.devDependencies.vitest,
    '@signalapp/libsignal-client': interop.devDependencies['@signalapp/libsignal-client'],
    esbuild: webChat.dependencies.esbuild,
  };
}

/** Writes a fresh npm project in `dir` depending on the given tarballs and packages; installs it. */
export function npmProject(dir, label, dependencies, devDependencies = {}) {
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'parley-packed-app', private: true, type: 'module', dependencies, devDependencies };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  run(`npm install (${label})`, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    timeoutMs: 15 * MINUTE,
  });
}

function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'parley-packed-'));
  let ok = false;
  try {
    if (!args.has('--no-build')) {
      run('build', PNPM[0], [...PNPM.slice(1), 'build'], { cwd: root });
    }
    const tarballs = pack(path.join(work, 'tarballs'));
    const versions = workspaceVersions();
    const app = path.join(work, 'app');
    mkdirSync(app);
    cpSync(path.join(here, 'fixtures'), app, { recursive: true });
    // The workspace's interop tests, unchanged, with @parley/core resolved to the installed copy.
    cpSync(path.join(root, 'packages/interop-tests/src'), path.join(app, 'interop/src'), { recursive: true });
    // The test helpers they use (@parley/test-utils, private, never published): its source, aliased in
    // vitest.config.mjs, imports @parley/* like the tests do, so it too runs on the installed copy.
    cpSync(path.join(root, 'packages/test-utils/src'), path.join(app, 'interop/test-utils'), { recursive: true });
    mkdirSync(path.join(app, 'interop/test'));
    cpSync(
      path.join(root, 'packages/interop-tests/test/signal-interop.test.ts'),
      path.join(app, 'interop/test/signal-interop.test.ts'),
    );
    const fileDeps = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
    npmProject(
      app,
      'app',
      { ...fileDeps, 'better-sqlite3': versions['better-sqlite3'], pg: versions.pg, ioredis: versions.ioredis },
      {
        '@types/better-sqlite3': versions['@types/better-sqlite3'],
        '@types/pg': versions['@types/pg'],
        typescript: versions.typescript,
        '@types/node': versions['@types/node'],
        vitest: versions.vitest,
        '@signalapp/libsignal-client': versions['@signalapp/libsignal-client'],
      },
    );
    const node = (label, file, timeoutMs) => run(label, process.execPath, [file], { cwd: app, timeoutMs });
    node('installed tree: fixes, npm ls, declared imports', 'check-installed.mjs');
    node('import every entry point (ESM)', 'imports.mjs');
    node('require every entry point (CJS)', 'imports.cjs');
    run('type-check a strict consumer against the published .d.ts', 'npx', ['tsc', '-p', 'tsconfig.json'], {
      cwd: app,
    });
    node('smoke test: memory and SQLite stores, two clients', 'smoke.mjs', 3 * MINUTE);
    node('Signal regression checks on the installed copy', 'signal-regressions.mjs', 4 * MINUTE);
    run('interop with the official libsignal on the installed copy', 'npx', ['vitest', 'run'], {
      cwd: app,
      timeoutMs: 6 * MINUTE,
    });
    if (args.has('--measure'))
      measure({ work, tarballs, versions, run: npmProject, fixtures: path.join(here, 'fixtures') });
    ok = true;
  } finally {
    console.log(`\n== timings\n${timings.join('\n')}`);
    if (ok && !args.has('--keep')) rmSync(work, { recursive: true, force: true });
    else console.log(`project kept in ${work}`);
  }
  console.log('\npacked-install check: ok');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`\npacked-install check FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
