import path from 'node:path';
import { buildWebChat } from '@parley/example-web-chat/build';
import { createServer, type ParleyServer } from '@parley/server-kit';
import { sqliteStores } from '@parley/server-kit/sqlite';
import { referenceHttpHandler } from './http.js';
import { consoleLogger } from './logger.js';
import { invocationDir, parseServerArgs, USAGE, UsageError } from './options.js';
import { preparePrivateDataDir } from './private-data-dir.js';
import { referenceAuthenticator } from './reference-authenticator.js';
import { shutdownSignalHandler } from './shutdown-signals.js';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseServerArgs>;
  try {
    parsed = parseServerArgs(process.argv.slice(2), process.env, invocationDir(process.env, process.cwd()));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { host, port, dataDir, origins, demoReplaceDevices } = parsed.options;
  const logger = consoleLogger();

  // Built in memory while the gateway starts (one to three seconds); requests for it wait.
  const webChat = buildWebChat().then(
    (built) => {
      logger.info(`web chat built in ${built.ms} ms`);
      return built.files;
    },
    (error: unknown) => {
      logger.error('web chat build failed: / shows the landing page instead', { error: String(error) });
      throw error;
    },
  );
  // Owner-only (0700 / 0600): the database holds every device's keys and queued messages.
  preparePrivateDataDir(dataDir);
  // Media blobs (encrypted by the clients) live in the data folder too.
  const stores = sqliteStores({ path: path.join(dataDir, 'parley.db') }, { mediaDir: path.join(dataDir, 'media') });
  let server: ParleyServer;
  try {
    server = await createServer({
      host,
      port,
      ...(origins ? { origins } : {}),
      stores,
      authenticator: referenceAuthenticator({ demoReplaceDevices }),
      logger,
      httpHandler: referenceHttpHandler({ webChat }),
    });
  } catch (error) {
    await stores.close();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Cannot listen on ${host}:${port}: the port is in use (try --port <n>).`
        : `Cannot start the server: ${(error as Error).message}`,
    );
    return 1;
  }
  return new Promise<number>((resolve) => {
    const stop = shutdownSignalHandler({
      shutdown: (signal) => {
        console.log(`${signal}: shutting down`);
        void (async () => {
          await server.close();
          await stores.close();
        })().then(
          () => {
            console.log('Parley reference server stopped');
            resolve(0);
          },
          (error: unknown) => {
            logger.error('shutdown failed', { error: String(error) });
            resolve(1);
          },
        );
      },
      force: (signal) => {
        console.error(`${signal} again: exiting without a clean shutdown`);
        process.exit(1);
      },
    });
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Only now, with the handlers in place: a Ctrl+C right after this line shuts down cleanly.
    console.log(`Parley reference server listening on ${server.url} (data: ${dataDir})`);
    console.log(`Web chat: ${server.url.replace(/^ws/, 'http')}/`);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
