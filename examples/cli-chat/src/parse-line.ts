/** What a line typed into the chat means. */
export type ChatLine =
  | { kind: 'empty' }
  | { kind: 'send'; to: string; text: string }
  | { kind: 'command'; command: 'help' | 'quit' }
  /** `/safety bob`: show the safety number with bob. */
  | { kind: 'safety'; user: string }
  | { kind: 'error'; message: string };

const COMMANDS: Record<string, 'help' | 'quit'> = {
  help: 'help',
  h: 'help',
  '?': 'help',
  quit: 'quit',
  q: 'quit',
  exit: 'quit',
};

/** `@bob hello there` sends "hello there" to bob; `/help`, `/quit` and `/safety bob` are commands. Pure. */
export function parseLine(line: string): ChatLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };

  if (trimmed.startsWith('/')) {
    const name = trimmed.slice(1).split(/\s/, 1)[0]!.toLowerCase();
    if (name === 'safety' || name === 'sn') {
      const user = trimmed.split(/\s+/)[1] ?? '';
      if (user === '') return { kind: 'error', message: 'whose safety number? write /safety name' };
      return { kind: 'safety', user };
    }
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
