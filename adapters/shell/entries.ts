// Turns console input lines into entries: a command, or one whole report. A report is taken whole, blank
// lines between paragraphs included:
//   - a bracketed paste (terminals that support it) is one entry, up to the Enter that ends its last line;
//   - lines arriving together (a paste, or text piped in) are one entry, ended by a quiet gap of `windowMs`;
//   - a single line typed alone is a report if it ends like a sentence; otherwise more lines are expected,
//     until a line with a lone "." or Ctrl-D (end of input).
// A line starting with /name is a command when no report is being collected; a lone "." also ends a paste
// (so piped input can hold a report and then commands).
import { splitCommand } from '../../src/bot.ts';

export type Entry =
  | { kind: 'command'; text: string }
  | { kind: 'report'; text: string }
  /** A paste over `maxBytes`: not kept in memory, only measured. */
  | { kind: 'too-large'; bytes: number };

/** How long input must be quiet before lines that arrived together count as one paste. */
export const PASTE_WINDOW_MS = 120;
/** The line that ends a report typed line by line. */
export const END_LINE = '.';

export interface EntryOptions {
  onEntry(entry: Entry): void;
  /** Told when a typed line is taken as the start of a longer report. */
  onMoreLines?(): void;
  /** Text typed on the current line but not yet ended with Enter (readline's `line`). */
  pendingLine?(): string;
  windowMs?: number;
  /** Largest report kept, in UTF-8 bytes; past it the lines are only counted. */
  maxBytes?: number;
}

type Mode = 'idle' | 'burst' | 'typing' | 'paste' | 'after-paste';

const ENDS_SENTENCE = /[.!?…"”’')\]]\s*$/;

export class EntryAssembler {
  private lines: string[] = [];
  private mode: Mode = 'idle';
  private timer: NodeJS.Timeout | null = null;
  private lastLineAt = 0;
  private bytes = 0;
  private readonly windowMs: number;

  constructor(private readonly opts: EntryOptions) {
    this.windowMs = opts.windowMs ?? PASTE_WINDOW_MS;
  }

  /** True while lines are being collected into a report. */
  get collecting(): boolean {
    return this.mode !== 'idle';
  }

  /** True while a report is being typed line by line (it ends with a lone "." or Ctrl-D). */
  get typing(): boolean {
    return this.mode === 'typing';
  }

  line(text: string): void {
    this.lastLineAt = performance.now();
    switch (this.mode) {
      case 'paste':
        this.keep(text);
        return;
      case 'after-paste':
        this.keep(text);
        this.flush();
        return;
      case 'typing':
      case 'burst':
        if (text.trim() === END_LINE) return this.flush();
        this.keep(text);
        if (this.mode === 'burst') this.arm();
        return;
      case 'idle': {
        const t = text.trim();
        if (t === '' || t === END_LINE) return;
        if (splitCommand(t)) return this.opts.onEntry({ kind: 'command', text: t });
        this.keep(text);
        this.mode = 'burst';
        this.arm();
      }
    }
  }

  /** Keeps a line of the report being collected, or only counts it once the report is too large. */
  private keep(text: string): void {
    this.bytes += Buffer.byteLength(text) + 1;
    if (this.opts.maxBytes === undefined || this.bytes <= this.opts.maxBytes) this.lines.push(text);
  }

  pasteStart(): void {
    this.disarm();
    this.mode = 'paste';
  }

  pasteEnd(): void {
    if (this.mode !== 'paste') return;
    if ((this.opts.pendingLine?.() ?? '') !== '') this.mode = 'after-paste';
    else this.flush();
  }

  /** End of input (Ctrl-D, or the end of piped text): whatever was collected is one report. */
  end(): void {
    const pending = this.opts.pendingLine?.() ?? '';
    if (pending !== '') this.keep(pending);
    this.flush();
  }

  /** Drops what was collected (Ctrl-C); true when there was something. */
  discard(): boolean {
    const had = this.lines.some((l) => l.trim() !== '');
    this.reset();
    return had;
  }

  private arm(): void {
    this.disarm();
    this.timer = setTimeout(() => this.quiet(), this.windowMs);
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * The window passed. Input that was waiting while the process was busy is read before deciding: the check
   * runs again after the event loop has polled for it.
   */
  private quiet(): void {
    this.timer = null;
    const seen = this.lastLineAt;
    setImmediate(() => {
      if (this.mode !== 'burst') return;
      if (this.lastLineAt !== seen) return this.arm();
      if ((this.opts.pendingLine?.() ?? '') !== '') {
        this.mode = 'after-paste';
        return;
      }
      const filled = this.lines.filter((l) => l.trim() !== '');
      if (filled.length >= 2 || ENDS_SENTENCE.test(filled[0] ?? '')) return this.flush();
      this.mode = 'typing';
      this.opts.onMoreLines?.();
    });
  }

  private reset(): void {
    this.disarm();
    this.lines = [];
    this.bytes = 0;
    this.mode = 'idle';
  }

  private flush(): void {
    const { lines, bytes } = this;
    this.reset();
    if (this.opts.maxBytes !== undefined && bytes > this.opts.maxBytes) return this.opts.onEntry({ kind: 'too-large', bytes });
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    if (lines.length === 0) return;
    const text = lines.join('\n');
    if (lines.length === 1 && splitCommand(text)) this.opts.onEntry({ kind: 'command', text: text.trim() });
    else this.opts.onEntry({ kind: 'report', text });
  }
}
