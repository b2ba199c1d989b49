import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './args.js';

/**
 * Runs a bench's entry point when `moduleUrl` is the script node was started with: parses argv
 * (a UsageError prints the message and exits 2), runs, exits 0, or prints the error and exits 1.
 */
export function runCli<T>(
  moduleUrl: string,
  parse: (argv: string[]) => T,
  run: (options: T) => Promise<unknown>,
): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  let options: T;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  run(options).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** examples/bench/results/<benchmark>-<timestamp>.json */
export function defaultResultsPath(benchmark: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return fileURLToPath(new URL(`../results/${benchmark}-${stamp}.json`, import.meta.url));
}
