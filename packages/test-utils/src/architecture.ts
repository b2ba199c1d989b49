// The architecture checks every package runs on itself (test/architecture.test.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from './import-graph.js';
import { linesMatching, PROTOBUF_CAST } from './source-scan.js';

/** The import cycles among a package's `src` files, each as `a.ts → b.ts → a.ts`; empty when there is none. */
export function sourceImportCycles(packageDir: string): string[] {
  return importCycles(join(packageDir, 'src'));
}

/** Every cast to a generated protobuf type in a package's `src` and `test` folders, as `path:line: text`. */
export function protobufCasts(packageDir: string): string[] {
  const dirs = ['src', 'test'].map((d) => join(packageDir, d)).filter((d) => existsSync(d));
  return linesMatching(packageDir, dirs, PROTOBUF_CAST);
}

/** A finding the package still has on purpose for now: the file and a piece of its line. */
export interface KnownFinding {
  /** Path relative to the package, e.g. `src/error-codes.ts`. */
  readonly file: string;
  /** Text the line contains, e.g. `parley.v1.ErrorCode;` (line numbers drift, text does not). */
  readonly text: string;
}

const matches = (finding: string, known: KnownFinding): boolean =>
  finding.startsWith(`${known.file}:`) && finding.slice(known.file.length).includes(known.text);

/**
 * Splits findings against a list of known ones: `unexpected` are findings no entry covers (new ones, to
 * fix), `stale` are entries no finding matches any more (fixed: delete the entry, so the list only shrinks).
 */
export function againstKnown(
  findings: readonly string[],
  known: readonly KnownFinding[],
): { unexpected: string[]; stale: KnownFinding[] } {
  return {
    unexpected: findings.filter((f) => !known.some((k) => matches(f, k))),
    stale: known.filter((k) => !findings.some((f) => matches(f, k))),
  };
}

/**
 * Registers the architecture tests of the package in `packageDir` (its `test/architecture.test.ts`
 * calls this): no import cycle among its `src` files, printed as paths when there is one; and no cast
 * to a generated protobuf type in `src` or `test` beyond `knownCasts`, a list that may only shrink.
 */
export function architectureSuite(packageDir: string, options: { knownCasts?: readonly KnownFinding[] } = {}): void {
  const knownCasts = options.knownCasts ?? [];
  describe('architecture', () => {
    it('has no import cycle among its src files', () => {
      const cycles = sourceImportCycles(packageDir);
      expect(cycles, `import cycles (break one import in each):\n${cycles.join('\n')}`).toEqual([]);
    });

    it('casts to no generated protobuf type in src or test', () => {
      const { unexpected } = againstKnown(protobufCasts(packageDir), knownCasts);
      expect(unexpected, `casts to a generated type (narrow with the oneof helper):\n${unexpected.join('\n')}`).toEqual(
        [],
      );
    });

    if (knownCasts.length > 0) {
      it('lists only known casts that are still there', () => {
        const { stale } = againstKnown(protobufCasts(packageDir), knownCasts);
        expect(stale, 'these casts are gone: delete them from the known list').toEqual([]);
      });
    }
  });
}
