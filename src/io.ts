// Reading input with a size limit and writing output with backpressure.
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { tooLargeError } from './input.ts';

/**
 * Reads a whole stream as UTF-8. Past `maxBytes` it stops keeping the data but goes on counting, so the
 * error can say how big the input was.
 */
export async function readLimited(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    if (bytes <= maxBytes) chunks.push(buf);
  }
  if (bytes > maxBytes) throw tooLargeError(bytes, maxBytes);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a file as UTF-8, refusing one over the limit before reading it. */
export async function readFileLimited(path: string, maxBytes: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > maxBytes) throw tooLargeError(size, maxBytes);
    return await readLimited(file.createReadStream({ autoClose: false }), maxBytes);
  } finally {
    await file.close();
  }
}

/** Writes, and waits for 'drain' when the stream's buffer is full. Rejects if the stream fails meanwhile. */
export async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
