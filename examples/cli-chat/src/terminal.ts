import readline from 'node:readline';

/** The chat's console: lines in, lines out, without output mangling what the user is typing. */
export interface Terminal {
  /** Whether stdin is a terminal (prompt, line editing) rather than a pipe or file. */
  readonly interactive: boolean;
  /** Typed (or piped) lines until the input ends or `close()` is called. */
  lines(): AsyncIterable<string>;
  /** Prints a line above the prompt and redraws the prompt with whatever was typed so far. */
  print(line: string): void;
  /** Shows the prompt again (after handling a line). */
  prompt(): void;
  /** Called on Ctrl+C at the prompt. */
  onInterrupt(handler: () => void): void;
  close(): void;
}

export function openTerminal(prompt: string): Terminal {
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const rl = readline.createInterface({
    input: process.stdin,
    // With a pipe there is nothing to echo or prompt: read lines only.
    ...(interactive ? { output: process.stdout, terminal: true, prompt } : { terminal: false }),
  });
  let open = true;
  rl.once('close', () => {
    open = false;
  });

  return {
    interactive,
    lines: () => rl,
    print(line) {
      if (interactive && open) {
        readline.clearLine(process.stdout, 0);
        readline.cursorTo(process.stdout, 0);
        process.stdout.write(`${line}\n`);
        rl.prompt(true);
      } else {
        process.stdout.write(`${line}\n`);
      }
    },
    prompt() {
      if (interactive && open) rl.prompt();
    },
    onInterrupt(handler) {
      rl.on('SIGINT', handler);
    },
    close() {
      if (!open) return;
      if (interactive) {
        readline.clearLine(process.stdout, 0);
        readline.cursorTo(process.stdout, 0);
      }
      rl.close();
    },
  };
}
