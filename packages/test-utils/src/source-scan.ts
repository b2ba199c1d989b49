// Searching a package's sources for a pattern the architecture forbids (a cast, a global).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { tsFilesUnder } from './import-graph.js';

/** One line that matched, as `path:line: text` with the path relative to the scanned root. */
export type Finding = string;

/**
 * Every line of the `.ts` files under each of `dirs` that matches `pattern`, as `path:line: text`
 * (paths relative to `root`), so a failing test names each place to fix.
 */
export function linesMatching(root: string, dirs: readonly string[], pattern: RegExp): Finding[] {
  const findings: Finding[] = [];
  const test = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  for (const dir of dirs) {
    for (const file of tsFilesUnder(dir)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (test.test(line)) findings.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  return findings;
}

/** A cast to a generated protobuf type (`as parley.v1.…`): core's `oneof` helper narrows frames instead. */
export const PROTOBUF_CAST = /\bas\s+parley\s*\.\s*v1\s*\./;
