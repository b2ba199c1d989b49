/** What a line typed into the chat means. */
export type ChatLine =
  | { kind: 'empty' }
  | { kind: 'send'; to: string; text: string }
  | { kind: 'command'; command: 'help' | 'quit' }
  /** `/history bob [n]`: the last n (default 20, at most 500) messages of the chat with bob. */
  | { kind: 'history'; chatId: string; limit: number }
  | { kind: 'error'; message: string };

const COMMANDS: Record<string, 'help' | 'quit'> = {
  help: 'help',
  h: 'help',
  '?': 'help',
  quit: 'quit',
  q: 'quit',
  exit: 'quit',
};

const HISTORY_DEFAULT = 20;
const HISTORY_MAX = 500;

/** `@bob hello there` sends "hello there" to bob; `/help`, `/quit` and `/history bob [n]` are commands. Pure. */
export function parseLine(line: string): ChatLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };

  if (trimmed.startsWith('/')) {
    const name = trimmed.slice(1).split(/\s/, 1)[0]!.toLowerCase();
    if (name === 'history') return parseHistory(trimmed.split(/\s+/).slice(1));
    const command = COMMANDS[name];
    if (command) return { kind: 'command', command };
    return { kind: 'error', message: `unknown command ${trimmed.split(/\s/, 1)[0]} (try /help)` };
  }

  if (trimmed.startsWith('@')) {
    const match = /^@(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
    const to = match[1]!;
    const text = match[2]!;
    if (to === '') return { kind: 'error', message: 'who to? write @name message' };
    if (text === '') return { kind: 'error', message: `nothing to send to ${to}: write @${to} message` };
    return { kind: 'send', to, text };
  }

  return { kind: 'error', message: 'to send, start the line with @name, e.g. "@bob hello" (/help for more)' };
}

function parseHistory(args: string[]): ChatLine {
  const [who, count, ...rest] = args;
  const usage = `usage: /history name [count, 1 to ${HISTORY_MAX}]`;
  if (!who || rest.length > 0) return { kind: 'error', message: usage };
  const chatId = who.startsWith('@') ? who.slice(1) : who;
  const limit = count === undefined ? HISTORY_DEFAULT : Number(count);
  if (chatId === '' || !Number.isInteger(limit) || limit < 1 || limit > HISTORY_MAX)
    return { kind: 'error', message: usage };
  return { kind: 'history', chatId, limit };
}
