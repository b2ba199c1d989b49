import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseClusterArgs, USAGE, UsageError } from './options.js';

const gatewayScript = fileURLToPath(new URL('./gateway.ts', import.meta.url));

/**
 * `pnpm cluster`: starts N gateways as child processes on shared PostgreSQL and Redis, passes
 * their output through (each prints `gateway gN listening on ws://...`), and stops them all on
 * Ctrl-C (or when one of them exits).
 */
function main(): void {
  let options: ReturnType<typeof parseClusterArgs>;
  try {
    options = parseClusterArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const children: ChildProcess[] = [];
  for (let i = 0; i < options.gateways; i++) {
    // The reference server's V8 flags (see its package.json `start`; ARCHITECTURE section 15).
    const flags = ['--max-semi-space-size=64'];
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', '--conditions=source', gatewayScript], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        PARLEY_GATEWAY_ID: `g${i + 1}`,
        PARLEY_HOST: options.host,
        PARLEY_PORT: String(options.basePort === 0 ? 0 : options.basePort + i),
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        PARLEY_PG_SCHEMA: options.schema,
        PARLEY_REDIS_PREFIX: options.redisPrefix,
      },
    });
    children.push(child);
  }
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    void Promise.all(
      children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))),
    ).then(() => process.exit(code));
  };
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) console.error(`a gateway exited (${code}): stopping the cluster`);
      stopAll(code ?? 1);
    });
  }
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
}

main();
