import { checkUserName } from './user-names.js';

/** Who a message goes to: a user (`@bob`) or a group (`#dinner-crew`, by name or id prefix). */
export type Target = { kind: 'user'; userId: string } | { kind: 'group'; ref: string };

/** What a line typed into the chat means. */
export type ChatLine =
  | { kind: 'empty' }
  | { kind: 'send'; to: Target; text: string }
  | { kind: 'sendFile'; to: Target; path: string; caption: string }
  | { kind: 'save'; id: string; path: string | undefined }
  | { kind: 'groupCreate'; name: string; members: string[] }
  | { kind: 'groupMembers'; action: 'add' | 'remove'; group: string; members: string[] }
  | { kind: 'groupLeave'; group: string }
  | { kind: 'groups' }
  | { kind: 'command'; command: 'help' | 'quit' }
  /** `/safety bob`: show the safety number with bob. */
  | { kind: 'safety'; user: string }
  /** An action on a message named by `ref`: the short id the chat printed beside it (or a full id). */
  | { kind: 'reply'; ref: string; text: string }
  | { kind: 'react'; ref: string; emoji: string }
  | { kind: 'edit'; ref: string; text: string }
  | { kind: 'delete'; ref: string }
  /** `/history bob [n]` or `/history #group [n]`: the last n (default 20, at most 500) messages of the chat. */
  | { kind: 'history'; to: Target; limit: number }
  | { kind: 'error'; message: string };

const SIMPLE: Record<string, 'help' | 'quit'> = {
  help: 'help',
  h: 'help',
  '?': 'help',
  quit: 'quit',
  q: 'quit',
  exit: 'quit',
};

const error = (message: string): ChatLine => ({ kind: 'error', message });

/**
 * `@bob hello` sends to bob, `#team hello` to the group team; `/create`, `/add`, `/remove`, `/leave`,
 * `/groups`, `/history`, `/file`, `/save`, `/safety`, `/reply`, `/react`, `/edit`, `/delete`, `/help` and `/quit` are commands (see HELP). Pure.
 */
export function parseLine(line: string): ChatLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('/')) return parseCommand(trimmed);
  if (trimmed.startsWith('@') || trimmed.startsWith('#')) {
    const match = /^(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
    const to = parseTarget(match[1]!);
    if ('message' in to) return error(to.message);
    const text = match[2]!;
    if (text === '') return error(`nothing to send to ${match[1]}: write ${match[1]} message`);
    return { kind: 'send', to, text };
  }
  return error('to send, start the line with @name or #group, e.g. "@bob hello" (/help for more)');
}

function parseCommand(trimmed: string): ChatLine {
  const [head, ...words] = trimmed.slice(1).split(/\s+/);
  const name = head!.toLowerCase();
  const simple = SIMPLE[name];
  if (simple) return { kind: 'command', command: simple };
  const action = parseAction(name, trimmed);
  if (action) return action;
  switch (name) {
    case 'groups':
      return { kind: 'groups' };
    case 'history':
      return parseHistory(words);
    case 'safety':
    case 'sn': {
      const user = words[0] ? checkUserName(words[0].replace(/^@/, '')) : undefined;
      if (!user) return error('whose safety number? write /safety name');
      return user.ok ? { kind: 'safety', user: user.name } : error(user.message);
    }
    case 'create': {
      const at = words.findIndex((w) => w.startsWith('@'));
      const groupName = (at < 0 ? words : words.slice(0, at)).join(' ');
      if (!groupName) return error('usage: /create <group name> @member @member…');
      const members = users(at < 0 ? [] : words.slice(at));
      return 'message' in members ? error(members.message) : { kind: 'groupCreate', name: groupName, members };
    }
    case 'add':
    case 'remove': {
      const group = groupRef(words[0]);
      const members = users(words.slice(1));
      if (!group || words.length < 2) return error(`usage: /${name} #group @user…`);
      return 'message' in members ? error(members.message) : { kind: 'groupMembers', action: name, group, members };
    }
    case 'leave': {
      const group = groupRef(words[0]);
      return group && words.length === 1 ? { kind: 'groupLeave', group } : error('usage: /leave #group');
    }
    case 'file': {
      const to = words[0] ? parseTarget(words[0]) : undefined;
      if (!to || !words[1]) return error('usage: /file @user|#group <path> [caption]');
      if ('message' in to) return error(to.message);
      return { kind: 'sendFile', to, path: words[1], caption: words.slice(2).join(' ') };
    }
    case 'save':
      if (!words[0] || words.length > 2) return error('usage: /save <message id> [path]');
      return { kind: 'save', id: words[0], path: words[1] };
    default:
      return error(`unknown command /${head} (try /help)`);
  }
}

function parseTarget(word: string): Target | { message: string } {
  if (word.startsWith('#')) {
    const ref = groupRef(word);
    return ref ? { kind: 'group', ref } : { message: 'which group? write #group message' };
  }
  if (word === '@') return { message: 'who to? write @name message' };
  const user = checkUserName(word.slice(1));
  return user.ok ? { kind: 'user', userId: user.name } : { message: user.message };
}

/** `#Dinner-Crew` → `dinner-crew`; undefined unless the word is a group reference. */
function groupRef(word: string | undefined): string | undefined {
  if (!word?.startsWith('#') || word.length < 2) return undefined;
  return word.slice(1).toLowerCase();
}

function users(words: string[]): string[] | { message: string } {
  const out: string[] = [];
  for (const word of words) {
    if (!word.startsWith('@')) return { message: `"${word}": members are written @name` };
    const user = checkUserName(word.slice(1));
    if (!user.ok) return { message: user.message };
    out.push(user.name);
  }
  return out;
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

const HISTORY_DEFAULT = 20;
const HISTORY_MAX = 500;

function parseHistory(args: string[]): ChatLine {
  const [who, count, ...rest] = args;
  const usage = `usage: /history @name|#group [count, 1 to ${HISTORY_MAX}]`;
  if (!who || rest.length > 0) return error(usage);
  const to = parseTarget(who.startsWith('@') || who.startsWith('#') ? who : `@${who}`);
  if ('message' in to) return error(to.message);
  const limit = count === undefined ? HISTORY_DEFAULT : Number(count);
  if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_MAX) return error(usage);
  return { kind: 'history', to, limit };
}
