/**
 * The chat's one rule for user names, applied to `--user` and every `@name` typed: names are
 * folded to lowercase (so `@Dave` reaches the user who signed in as `dave`), 1–128 characters, with
 * no spaces or control characters, and not starting with `@`, `#` or `/` (those start commands).
 * The protocol itself compares user ids exactly; folding is this app's choice, made once here.
 */
export type UserNameCheck = { ok: true; name: string } | { ok: false; message: string };

export const MAX_USER_NAME = 128;

export function checkUserName(input: string): UserNameCheck {
  const name = input.trim().toLowerCase();
  if (name === '') return { ok: false, message: 'a user name cannot be empty' };
  if (name.length > MAX_USER_NAME) return { ok: false, message: `a user name has at most ${MAX_USER_NAME} characters` };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(name))
    return { ok: false, message: `"${input}": no spaces in a user name` };
  if (/^[@#/]/.test(name)) return { ok: false, message: `"${input}": a user name cannot start with @, # or /` };
  return { ok: true, name };
}
