/** What a line typed into the chat means. */
export type ChatLine =
  | { kind: 'empty' }
  | { kind: 'send'; to: string; text: string }
  | { kind: 'command'; command: 'help' | 'quit' }
  /** An action on a message named by `ref`: the short id the chat printed beside it (or a full id). */
  | { kind: 'reply'; ref: string; text: string }
  | { kind: 'react'; ref: string; emoji: string }
  | { kind: 'edit'; ref: string; text: string }
  | { kind: 'delete'; ref: string }
  | { kind: 'error'; message: string };

const COMMANDS: Record<string, 'help' | 'quit'> = {
  help: 'help',
  h: 'help',
  '?': 'help',
  quit: 'quit',
  q: 'quit',
  exit: 'quit',
};

/** `@bob hello there` sends "hello there" to bob; `/help` and `/quit` are commands. Pure. */
export function parseLine(line: string): ChatLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };

  if (trimmed.startsWith('/')) {
    const name = trimmed.slice(1).split(/\s/, 1)[0]!.toLowerCase();
    const action = parseAction(name, trimmed);
    if (action) return action;
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

const ACTION_USAGE: Record<string, string> = {
  reply: '/reply <id> message',
  react: '/react <id> emoji (no emoji removes yours)',
  edit: '/edit <id> new text',
  delete: '/delete <id> (deletes for everyone)',
};

/** `/reply id text`, `/react id [emoji]`, `/edit id text`, `/delete id`; undefined for other commands. */
function parseAction(name: string, line: string): ChatLine | undefined {
  const usage = ACTION_USAGE[name];
  if (!usage) return undefined;
  const match = /^\/\S+\s*(\S*)\s*([\s\S]*)$/.exec(line)!;
  const ref = match[1]!;
  const rest = match[2]!;
  if (ref === '') return { kind: 'error', message: `which message? ${usage}` };
  if (name === 'react') return { kind: 'react', ref, emoji: rest };
  if (name === 'delete') return { kind: 'delete', ref };
  if (rest === '') return { kind: 'error', message: `nothing to send: ${usage}` };
  return name === 'reply' ? { kind: 'reply', ref, text: rest } : { kind: 'edit', ref, text: rest };
}
