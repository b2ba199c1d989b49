// `pnpm --filter @parley/example-web-chat build`: writes the web chat to dist/, to host it on any
// static server next to a Parley gateway (the reference server does not need this: it builds in memory).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildWebChat, webChatDir } from './build.js';

const dist = path.join(webChatDir, 'dist');
const { files, ms } = await buildWebChat();
await rm(dist, { recursive: true, force: true });
for (const file of files.values()) {
  const target = path.join(dist, file.path === '/' ? 'index.html' : file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.body);
}
console.log(`web chat built in ${ms} ms: ${files.size} files in ${path.relative(process.cwd(), dist) || '.'}`);
