// `pnpm bench:crypto`: Parley's Signal sessions (WebCrypto X25519 and the asm.js fallback) against
// the official libsignal when it is installed (packages/interop-tests), and the raw platform cost,
// for a 100-byte message. Prints a table and writes examples/bench/results/crypto-<timestamp>.json.
import { getCurveBackend, setCurveBackend } from '@parley/core/crypto';
import { loadOfficial, officialSuite } from './crypto/official.js';
import { parleySuite } from './crypto/parley.js';
import { measurePlatform } from './crypto/platform.js';
import { aimsOf, type CryptoReport, formatReport, host, ratiosOf, writeReport } from './crypto/report.js';
import { MESSAGE_BYTES, runSuite, type SuiteResult } from './crypto/suite.js';

const startedAt = new Date().toISOString();
const machine = host();
console.log(
  `crypto benchmark: Node ${machine.node}, ${machine.cpus} x ${machine.cpuModel}, ${MESSAGE_BYTES}-byte messages`,
);

let parleyWebCrypto: SuiteResult | null = null;
try {
  await setCurveBackend('webcrypto');
  console.log(`Parley, X25519 backend: ${await getCurveBackend()}`);
  parleyWebCrypto = await runSuite('parley/webcrypto', await parleySuite());
} catch (error) {
  console.log(`Parley WebCrypto backend unavailable: ${(error as Error).message}`);
}

await setCurveBackend('fallback');
console.log(`Parley, X25519 backend: ${await getCurveBackend()}`);
const parleyAsmJs = await runSuite('parley/asm.js', await parleySuite());
await setCurveBackend('auto');

const loaded = loadOfficial();
let official: CryptoReport['official'] = null;
if (loaded) {
  console.log(`official @signalapp/libsignal-client ${loaded.version}`);
  official = { version: loaded.version, results: await runSuite('official', await officialSuite(loaded.lib)) };
} else {
  console.log('official library not installed');
}

console.log('platform primitives');
const platform = await measurePlatform();

const ratios = official
  ? {
      webCrypto: parleyWebCrypto ? ratiosOf(parleyWebCrypto, official.results) : {},
      asmJs: ratiosOf(parleyAsmJs, official.results),
    }
  : null;
const report: CryptoReport = {
  benchmark: 'crypto',
  startedAt,
  finishedAt: new Date().toISOString(),
  host: machine,
  messageBytes: MESSAGE_BYTES,
  parleyWebCrypto,
  parleyAsmJs,
  official,
  platform,
  ratios,
  aims: ratios
    ? [...(parleyWebCrypto ? aimsOf('webcrypto', ratios.webCrypto) : []), ...aimsOf('asm.js', ratios.asmJs)]
    : null,
};

console.log(`\n${formatReport(report)}\n`);
console.log(`results: ${writeReport(report)}`);
