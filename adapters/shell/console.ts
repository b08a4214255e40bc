// The console: an interactive channel in the terminal. Lines become entries (entries.ts), entries become bot
// events, replies are drawn as plain text. Piped input goes the same way and the console ends with it.
// An export's file is saved under `exportDir` (the console's upload) and its path printed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Bot, BotEvent } from '../../src/bot.ts';
import { renderText } from '../../src/render/text.ts';
import { tooLargeError } from '../../src/input.ts';
import type { Reply } from '../../src/reply.ts';
import { EntryAssembler, END_LINE, type Entry } from './entries.ts';

export const PROMPT = 'claimdesk> ';
export const MORE_PROMPT = '...       ';
/** Terminal switches for bracketed paste: pasted text arrives between ESC[200~ and ESC[201~. */
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

export interface ConsoleOptions {
  bot: Bot;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where this console's channel lives: every entry is posted there. */
  channel: { platform: string; workspace: string; channel: string };
  user: string;
  exportDir: string;
  /** Printed first in an interactive session. */
  banner?: string;
  windowMs?: number;
  /** Largest report accepted (CLAIMDESK_MAX_INPUT_BYTES): a bigger paste is refused without being kept. */
  maxBytes?: number;
}

export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const { input, output, bot } = opts;
  const interactive = input.isTTY === true && output.isTTY === true;
  let queue: Promise<void> = Promise.resolve();
  let rl: Interface;
  let finished = false;

  const write = (text: string) => {
    output.write(text);
  };

  async function saveFiles(reply: Reply): Promise<void> {
    for (const b of reply.blocks) {
      if (b.kind !== 'file') continue;
      await mkdir(opts.exportDir, { recursive: true });
      const path = join(opts.exportDir, b.filename);
      await writeFile(path, b.content);
      write(`Saved to ${path}\n`);
    }
  }

  async function answer(entry: Entry): Promise<void> {
    if (entry.kind === 'too-large') {
      write((interactive ? '\n' : '') + tooLargeError(entry.bytes, opts.maxBytes ?? entry.bytes).message + '\n');
      return;
    }
    const event: BotEvent = {
      ...opts.channel,
      user: opts.user,
      userName: opts.user,
      isAdmin: true,
      text: entry.text,
      // The console is a conversation with the bot: what is pasted is addressed to it.
      kind: entry.kind === 'command' ? 'message' : 'mention',
    };
    const replies = await bot.handle(event);
    for (const reply of replies) {
      write((interactive ? '\n' : '') + renderText(reply));
      await saveFiles(reply);
    }
    if (!interactive && replies.length > 0) write('\n');
  }

  const assembler = new EntryAssembler({
    windowMs: opts.windowMs,
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
    pendingLine: () => (interactive ? rl.line : ''),
    onMoreLines: () => {
      if (!interactive) return;
      write(`(more lines: end the report with a line holding only "${END_LINE}", or Ctrl-D)\n`);
      rl.setPrompt(MORE_PROMPT);
      rl.prompt(true);
    },
    onEntry: (entry) => {
      queue = queue
        .then(() => answer(entry))
        .catch((err) => write(`claimdesk: ${(err as Error).message}\n`))
        .then(() => {
          if (!interactive || finished || assembler.collecting) return;
          rl.setPrompt(PROMPT);
          rl.prompt();
        });
    },
  });

  const onKey = (_s: string | undefined, key: { name?: string } | undefined) => {
    if (key?.name === 'paste-start') assembler.pasteStart();
    else if (key?.name === 'paste-end') assembler.pasteEnd();
  };

  if (interactive) {
    if (opts.banner) write(opts.banner);
    write(PASTE_ON);
    input.on('keypress', onKey);
  }

  // Ctrl-D closes readline. With a report being typed it ends the report and the console goes on (a new
  // readline on the same input); otherwise it ends the session.
  await new Promise<void>((resolve) => {
    const open = () => {
      rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
      let ended = false;
      rl.on('line', (line) => {
        assembler.line(line);
        if (interactive && assembler.typing) rl.prompt();
      });
      rl.on('SIGINT', () => {
        if (assembler.discard()) {
          write('\n(discarded)\n');
          rl.setPrompt(PROMPT);
          rl.prompt();
        } else {
          ended = true;
          rl.close();
        }
      });
      rl.on('close', () => {
        const wasCollecting = assembler.collecting;
        assembler.end();
        if (interactive && wasCollecting && !ended) return setImmediate(open);
        finished = true;
        resolve();
      });
      if (interactive) {
        rl.setPrompt(assembler.collecting ? MORE_PROMPT : PROMPT);
        rl.prompt();
      }
    };
    open();
  });

  await queue;
  if (interactive) {
    input.off('keypress', onKey);
    write(PASTE_OFF + '\n');
  }
}
