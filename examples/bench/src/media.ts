// `pnpm bench:media`: a large file (100 MB, or `--mb N`) sent and downloaded end to end through a
// gateway on SQLite with media on disk; prints the throughput each way and the resident-memory
// growth of client and server. Exits 1 if the downloaded bytes differ from the file sent.
import { formatMediaRoundTrip, mediaRoundTrip } from './media/round-trip.js';

const flag = process.argv.indexOf('--mb');
const megabytes = flag === -1 ? 100 : Number(process.argv[flag + 1]);
if (!Number.isInteger(megabytes) || megabytes < 1) {
  console.error('usage: bench:media [--mb <whole megabytes, at least 1>]');
  process.exit(2);
}

const result = await mediaRoundTrip(megabytes);
console.log(formatMediaRoundTrip(result));
if (result.outputHash !== result.inputHash) {
  console.error('the downloaded file differs from the one sent');
  process.exit(1);
}
