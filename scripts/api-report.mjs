// API reports of the public packages: one api-extractor report per entry point of each
// non-private package's `exports` map (its built `.d.ts`), committed as packages/<pkg>/api/<entry>.api.md.
//
//   node scripts/api-report.mjs check    fails when a report differs from the committed one
//   node scripts/api-report.mjs update   rewrites the reports
//
// Both read dist/: `pnpm api:check` and `pnpm api:update` build first. A new subpath export gets its
// report without touching this file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const mode = process.argv[2];
if (mode !== 'check' && mode !== 'update') {
  console.error('usage: node scripts/api-report.mjs check|update');
  process.exit(2);
}

const root = resolve(import.meta.dirname, '..');
const temp = mkdtempSync(join(tmpdir(), 'parley-api-'));

/** Every (package, entry point) to report on: `.` is `index`, `./node` is `node`. */
function entryPoints() {
  const entries = [];
  for (const dir of readdirSync(join(root, 'packages'))) {
    const packageJsonPath = join(root, 'packages', dir, 'package.json');
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    } catch {
      continue;
    }
    if (pkg.private) continue;
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      const types = target?.import?.types ?? target?.types;
      if (typeof types !== 'string') continue;
      const name = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replaceAll('/', '-');
      entries.push({ pkg: pkg.name, dir: join(root, 'packages', dir), packageJsonPath, subpath, types, name });
    }
  }
  return entries;
}

/** TSDoc style and release tags are not this report's business; every other finding is written into the report. */
const messages = {
  compilerMessageReporting: { default: { logLevel: 'warning' } },
  extractorMessageReporting: {
    default: { logLevel: 'warning', addToApiReportFile: true },
    'ae-missing-release-tag': { logLevel: 'none' },
    // Its notes name the built chunk files (hashed names, line numbers), which change with any edit.
    'ae-undocumented': { logLevel: 'none' },
  },
  tsdocMessageReporting: { default: { logLevel: 'none' } },
};

let failed = 0;
for (const entry of entryPoints()) {
  if (mode === 'update') mkdirSync(join(entry.dir, 'api'), { recursive: true });
  mkdirSync(join(temp, entry.pkg), { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: entry.dir,
      mainEntryPointFilePath: join(entry.dir, entry.types),
      compiler: {
        // The built .d.ts files only: strict, with Node's types for the Node-only entry points.
        overrideTsconfig: {
          compilerOptions: { strict: true, skipLibCheck: true, types: ['node'], lib: ['es2022', 'dom'] },
          files: [join(entry.dir, entry.types)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.name,
        reportFolder: join(entry.dir, 'api'),
        reportTempFolder: join(temp, entry.pkg),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages,
    },
    configObjectFullPath: join(entry.dir, 'api-extractor.json'),
    packageJsonFullPath: entry.packageJsonPath,
  });
  const result = Extractor.invoke(config, { localBuild: mode === 'update', showVerboseMessages: false });
  const label = `${entry.pkg}${entry.subpath === '.' ? '' : entry.subpath.slice(1)}`;
  if (mode === 'check' && result.apiReportChanged) {
    console.error(
      `${label}: the public API differs from packages/${entry.dir.split('/').pop()}/api/${entry.name}.api.md`,
    );
    failed++;
  } else if (!result.succeeded) {
    console.error(`${label}: api-extractor failed (${result.errorCount} errors, ${result.warningCount} warnings)`);
    failed++;
  } else {
    console.log(`${label}: ${result.apiReportChanged ? 'report updated' : 'report unchanged'}`);
  }
}
rmSync(temp, { recursive: true, force: true });
if (failed > 0) {
  if (mode === 'check')
    console.error('Review the change; if it is intended, run `pnpm api:update` and commit the reports.');
  process.exit(1);
}
