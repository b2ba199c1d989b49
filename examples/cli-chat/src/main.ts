import { createClient } from '@parley/client';
import { fileClientStore } from '@parley/client/node';
import { invocationDir, parseChatArgs, USAGE, UsageError } from './args.js';
import { Chat } from './chat.js';
import { renderError } from './render.js';
import { openTerminal } from './terminal.js';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseChatArgs>;
  try {
    parsed = parseChatArgs(process.argv.slice(2), process.env, invocationDir(process.env, process.cwd()));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { user, url, dataDir } = parsed.options;
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;

  let store: Awaited<ReturnType<typeof fileClientStore>>;
  try {
    store = await fileClientStore({ dir: dataDir });
  } catch (error) {
    console.error(renderError(`cannot open ${dataDir}: ${(error as Error).message}`, color));
    console.error('Is another chat running as this user? Each device (data dir) can be open in one process.');
    return 1;
  }
  const client = createClient({ url, userId: user, store });
  const term = openTerminal(`${user}> `);
  return new Chat(client, term, url, color).run();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
