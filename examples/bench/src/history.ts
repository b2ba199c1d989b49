// `pnpm bench:history`: each client store (memory, file, SQLite, IndexedDB on fake-indexeddb) filled
// with 10,000 and 100,000 messages; prints the open time, heap growth and the time of a history page
// and of the chat list. `--sizes 1000,5000` picks other sizes.
import { formatHistoryFigures, historyBench } from './history/store-bench.js';

const flag = process.argv.indexOf('--sizes');
const sizes =
  flag === -1
    ? [10_000, 100_000]
    : String(process.argv[flag + 1])
        .split(',')
        .map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) {
  console.error('usage: bench:history [--sizes <whole numbers of messages, each at least 1000>,…]');
  process.exit(2);
}
console.log(formatHistoryFigures(await historyBench(sizes)));
