// The --jsonl batch: lines {"id", "text"} in, one line {"id", "summary"} or {"id", "error"} out per input line,
// in input order; a bad line gets an error line and the batch goes on.
//
// Two stages, one per core: a worker thread reads each record, checks and masks its text and runs wink-nlp over
// it (prepareInput, analyze); the main thread runs the claim engine over the analysed document and composes the
// summary. One analyser reads every record, in input order, as a single-threaded run would: wink-nlp adds each
// new word it reads to its vocabulary, and its tokenizer splits some words differently once it has seen them
// whole, so a document's analysis can depend on the documents before it. The answers are therefore the same as
// with both stages on the main thread, which is what CLAIMDESK_JSONL_THREADS=1 asks for (and what runs when a
// worker cannot be started). The worker is used when there are two cores or more; CLAIMDESK_JSONL_THREADS=2 asks
// for it on any machine (the tests compare the two paths with it).
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { InputError, prepareInput, type PreparedInput } from './input.ts';
import type { Logger } from './log.ts';
import type { Doc, PackedDoc } from './nlp.ts';
import type { Entity, Summary } from './schema.ts';

/** One answer: the JSON line (without its newline), and whether it is an error line. */
export interface Answer {
  line: string;
  error: boolean;
}

export interface Batch {
  /** Hands over a non-blank input line; next() answers lines in the order they were pushed. */
  push(line: string, lineNo: number): void;
  /** No more lines: next() gives null once every pushed line is answered. */
  end(): void;
  /** The answer to the oldest pushed line not yet answered, or null after end() when none is left. */
  next(): Promise<Answer | null>;
  /** Resolves when there is room to push another line (a bounded number of lines and bytes is in flight). */
  room(): Promise<void>;
  /** Stops the worker, if any. */
  close(): Promise<void>;
  /** 2 when a worker thread analyses the lines, 1 when everything runs on the calling thread. */
  readonly threads: 1 | 2;
}

export interface BatchOptions {
  maxBytes: number;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

// Lines in flight between reading and writing: enough to keep both threads busy, bounded in memory.
const WINDOW_LINES = 64;
const WINDOW_BYTES = 16 << 20;

// --- stage 1: the record, its text, wink-nlp (on the worker) ----------------------------------------------

/** Stage 1's result for one line: an answer already (a bad record or text), or an analysed document. */
type Read =
  | { idJson: string; error: string }
  | { idJson: string; internal: { message: string; stack: string } }
  | { idJson: string; original: string | null; notices: string[]; language: string; doc: PackedDoc; entities?: Int32Array };

type Analyze = (text: string) => Doc;

/**
 * Reads one JSON line and analyses its text. Never throws. `pack` turns the Doc into what is sent back;
 * `entities`, when given, finds the document's entities in packed form (the worker does this part of the
 * claim engine's work too; the main thread passes them to summarizeAnalysed).
 */
function readLine(line: string, lineNo: number, maxBytes: number, analyze: Analyze, pack: (d: Doc) => PackedDoc, entities?: (d: Doc) => Int32Array): Read {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    return { idJson: 'null', error: `line ${lineNo}: not valid JSON (${(err as Error).message})` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { idJson: 'null', error: `line ${lineNo}: expected an object {"id": ..., "text": ...}` };
  }
  const { id = null, text } = record as { id?: unknown; text?: unknown };
  const idJson = JSON.stringify(id);
  if (typeof text !== 'string') return { idJson, error: `line ${lineNo}: no "text" string in this record` };
  try {
    const input = prepareInput(text, { maxBytes });
    const analysed = analyze(input.masked);
    const found = entities?.(analysed);
    const doc = pack(analysed);
    const read: Read = { idJson, original: input.original === input.masked ? null : input.original, notices: input.notices, language: input.language, doc };
    if (found) read.entities = found;
    return read;
  } catch (err) {
    if (err instanceof InputError) return { idJson, error: `line ${lineNo}: ${err.message}` };
    return { idJson, internal: internal(err) };
  }
}

function internal(err: unknown): { message: string; stack: string } {
  return { message: `${(err as Error).message}`, stack: `${(err as Error).stack ?? err}` };
}

/**
 * The worker's loop: the first message is { maxBytes }, then one message per line in, one Read out, in order.
 * Started by startAnalysisWorker() or openBatch().
 */
export async function analysisWorker(): Promise<void> {
  const { analyze, packDoc, packedTransfer, warmUp } = await import('./nlp.ts');
  const { findEntities, packEntities } = await import('./engine/entities.ts');
  const entities = (doc: Doc) => packEntities(findEntities(doc));
  const port = parentPort!;
  warmUp();
  let maxBytes = 0;
  port.once('message', (settings: { maxBytes: number }) => {
    maxBytes = settings.maxBytes;
    port.on('message', ({ line, lineNo }: { line: string; lineNo: number }) => {
      const read = readLine(line, lineNo, maxBytes, analyze, packDoc, entities);
      const transfer = 'doc' in read ? packedTransfer(read.doc) : [];
      if ('entities' in read && read.entities) transfer.push(read.entities.buffer as ArrayBuffer);
      port.postMessage(read, transfer);
    });
  });
}

// --- stage 2: claims and summary (on the main thread) -----------------------------------------------------

type Finish = (input: PreparedInput, doc: Doc, entities?: Entity[]) => Summary;
type UnpackEntities = (packed: Int32Array, text: string) => Entity[];

function answer(read: Read, lineNo: number, finish: Finish, unpack: (d: PackedDoc) => Doc, unpackEntities: UnpackEntities, log: Logger): Answer {
  const head = `{"id":${read.idJson},`;
  if ('error' in read) return { line: `${head}"error":${JSON.stringify(read.error)}}`, error: true };
  let failure = 'internal' in read ? read.internal : null;
  if (!('internal' in read)) {
    try {
      const doc = unpack(read.doc);
      const entities = read.entities ? unpackEntities(read.entities, doc.text) : undefined;
      const input: PreparedInput = { original: read.original ?? doc.text, masked: doc.text, notices: read.notices, language: read.language };
      return { line: `${head}"summary":${JSON.stringify(finish(input, doc, entities))}}`, error: false };
    } catch (err) {
      failure = internal(err);
    }
  }
  log.error(`line ${lineNo}: ${failure!.stack}`);
  return { line: `${head}"error":${JSON.stringify(`internal error: ${failure!.message}`)}}`, error: true };
}

// --- the batch --------------------------------------------------------------------------------------------

interface Item {
  line: string;
  lineNo: number;
  read?: Read;
  /** Set when the worker's answer arrives. */
  arrived?: () => void;
}

/** A batch on a worker thread and the calling thread, or on the calling thread alone (see the top of the file). */
export async function openBatch({ maxBytes, log, env = process.env }: BatchOptions): Promise<Batch> {
  // The worker starts first: its start-up (a thread, tsx, the language model) overlaps the engine's loading here.
  const started = useWorker(env) ? (early ?? startWorker()) : null;
  early = null;
  const worker = started?.worker ?? null;
  if (worker) {
    worker.ref();
    worker.postMessage({ maxBytes });
  }
  const { summarizeAnalysed } = await import('./summarize.ts');
  const nlp = () => import('./nlp.ts');
  const { unpackDoc } = await nlp();
  const { unpackEntities } = await import('./engine/entities.ts');
  const items: Item[] = [];
  let removed = 0; // items answered and taken off the front
  let bytes = 0;
  let ended = false;
  let wake: (() => void) | null = null; // next() waiting for a push or end()
  let roomWaiter: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const full = () => items.length >= WINDOW_LINES || bytes >= WINDOW_BYTES;

  let inProcess: Analyze | null = null;
  const analyzeHere = async (): Promise<Analyze> => {
    if (!inProcess) {
      const m = await nlp();
      m.warmUp();
      inProcess = m.analyze;
    }
    return inProcess;
  };
  let workerFailed: Error | null = null;
  if (worker) {
    let received = 0;
    worker.on('message', (read: Read) => {
      const item = items[received++ - removed];
      if (!item) return;
      item.read = read;
      item.arrived?.();
    });
    started!.onFailure = (err: Error) => {
      workerFailed = err;
      log.error(`the analysis worker stopped (${err.message}); the batch goes on in the main thread`);
      for (const item of items) item.arrived?.();
    };
    if (started!.failure) started!.onFailure(started!.failure);
  } else {
    await analyzeHere();
  }
  log.debug(`--jsonl batch: ${worker ? 'wink-nlp on a worker thread, claims on the main thread' : 'all on the main thread'}`);

  return {
    threads: worker ? 2 : 1,
    push(line, lineNo) {
      items.push({ line, lineNo });
      bytes += line.length;
      if (worker && !workerFailed) {
        worker.postMessage({ line, lineNo });
      }
      signal();
    },
    end() {
      ended = true;
      signal();
    },
    async next() {
      while (items.length === 0) {
        if (ended) return null;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const item = items[0];
      if (worker && !workerFailed && !item.read) await new Promise<void>((resolve) => (item.arrived = resolve));
      const read = item.read ?? readLine(item.line, item.lineNo, maxBytes, await analyzeHere(), (doc) => ({ doc }));
      items.shift();
      removed++;
      bytes -= item.line.length;
      if (roomWaiter && !full()) {
        const r = roomWaiter;
        roomWaiter = null;
        r();
      }
      return answer(read, item.lineNo, summarizeAnalysed, unpackDoc, unpackEntities, log);
    },
    async room() {
      while (full()) await new Promise<void>((resolve) => (roomWaiter = resolve));
    },
    async close() {
      if (started) {
        started.onFailure = null;
        started.closing = true;
        await started.worker.terminate();
      }
    },
  };
}

function useWorker(env: NodeJS.ProcessEnv): boolean {
  const threads = env.CLAIMDESK_JSONL_THREADS;
  if (threads === '1') return false;
  return threads === '2' || availableParallelism() >= 2;
}

interface Started {
  worker: Worker;
  /** Why the worker stopped, when it stopped before it was asked to. */
  failure: Error | null;
  onFailure: ((err: Error) => void) | null;
  closing: boolean;
}

/** A worker started ahead of openBatch() (unreferenced until then: it never keeps the process alive). */
let early: Started | null = null;

/**
 * Starts the analysis worker ahead of the batch (bin/claimdesk.js calls this before loading the CLI), so that
 * its start-up (a thread, tsx, the language model) overlaps the main thread's own.
 */
export function startAnalysisWorker(env: NodeJS.ProcessEnv = process.env): void {
  if (early || !useWorker(env)) return;
  early = startWorker();
  early?.worker.unref();
}

/** A worker thread running analysisWorker(), or null when one cannot be started here. */
function startWorker(): Started | null {
  try {
    // The worker loads this TypeScript module through tsx, as bin/claimdesk.js does for the main thread.
    const tsx = import.meta.resolve('tsx/esm/api');
    const self = import.meta.url;
    const boot =
      `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); })` +
      `.then((m) => m.analysisWorker());`;
    const worker = new Worker(boot, { eval: true });
    const started: Started = { worker, failure: null, onFailure: null, closing: false };
    const fail = (err: Error) => {
      if (started.failure || started.closing) return;
      started.failure = err;
      started.onFailure?.(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return started;
  } catch {
    return null;
  }
}
