// Builds the web chat with esbuild, in memory: the reference server calls this at start and serves
// the result, so `pnpm start` needs no separate build step and no build output is committed.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One file of the built web chat, served at `path` (e.g. `/app.js`). */
export interface WebChatFile {
  path: string;
  body: Uint8Array;
  contentType: string;
  /** Strong ETag of the body, for conditional requests. */
  etag: string;
}

/** The built web chat: every file by URL path, `/` being `index.html`. */
export interface WebChatBuild {
  files: ReadonlyMap<string, WebChatFile>;
  /** How long the build took (ms). */
  ms: number;
}

export const webChatDir = fileURLToPath(new URL('..', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Bundles `src/main.ts` (plus the Parley client and core from their TypeScript sources) into
 * `/app.js` and lazily loaded chunks, and adds the files of `public/`. Takes one to three seconds.
 */
export async function buildWebChat(options: { minify?: boolean } = {}): Promise<WebChatBuild> {
  const started = performance.now();
  const result = await build({
    absWorkingDir: webChatDir,
    entryPoints: { app: 'src/main.ts' },
    outdir: 'dist',
    bundle: true,
    format: 'esm',
    // The Signal library and its curve code load on first use, as separate chunks.
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    minify: options.minify ?? true,
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    logLevel: 'silent',
  });
  const files = new Map<string, WebChatFile>();
  const add = (urlPath: string, body: Uint8Array, fileName = urlPath) =>
    files.set(urlPath, {
      path: urlPath,
      body,
      contentType: TYPES[path.extname(fileName)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    });
  const outdir = path.join(webChatDir, 'dist');
  for (const file of result.outputFiles) {
    add(`/${path.relative(outdir, file.path).split(path.sep).join('/')}`, file.contents);
  }
  const publicDir = path.join(webChatDir, 'public');
  for (const name of await readdir(publicDir)) {
    const body = new Uint8Array(await readFile(path.join(publicDir, name)));
    add(name === 'index.html' ? '/' : `/${name}`, body, name);
  }
  return { files, ms: Math.round(performance.now() - started) };
}
