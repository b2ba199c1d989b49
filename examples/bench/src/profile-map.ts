import { findSourceMap } from 'node:module';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/**
 * Rewrites a CPU profile's call frames from transpiled positions (tsx emits whitespace-minified
 * JavaScript) to the TypeScript sources, using the source maps this process loaded. Must run
 * in the profiled process; frames without a map are left as they are.
 */
export function mapProfileToSources(profile: { nodes: Array<{ callFrame: CallFrame }> }): void {
  for (const { callFrame } of profile.nodes) {
    if (!callFrame.url.startsWith('file:') || callFrame.lineNumber < 0) continue;
    let map: ReturnType<typeof findSourceMap>;
    try {
      map = findSourceMap(callFrame.url);
    } catch {
      continue;
    }
    if (!map) continue;
    const entry = map.findEntry(callFrame.lineNumber, callFrame.columnNumber);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) continue;
    callFrame.url = entry.originalSource;
    callFrame.lineNumber = entry.originalLine;
    callFrame.columnNumber = entry.originalColumn;
  }
}
