// The reader of long pastes sent as text files (adapters/text-files.ts), against a local web server: what the
// end-to-end tests of each platform do not reach. A host that never answers is given up after the timeout; a
// file bigger than its announced size is stopped at the limit; a redirect to another host is not followed,
// so a token sent to the file host goes nowhere else.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextFiles, type ReadTextOptions } from '../adapters/text-files.ts';
import type { Logger } from '../src/log.ts';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(route: Route): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.url} ${req.headers.authorization ?? ''}`);
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

let files: Awaited<ReturnType<typeof serve>>;
let other: Awaited<ReturnType<typeof serve>>;
const lines: string[] = [];
const log: Logger = { debug: () => {}, info: (m) => void lines.push(m), warn: (m) => void lines.push(m), error: (m) => void lines.push(m) };

beforeAll(async () => {
  other = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('from elsewhere'));
  files = await serve((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('a'.repeat(5_000));
    if (req.url === '/away') return void res.writeHead(302, { location: `${other.origin}/file.txt` }).end();
    if (req.url === '/moved') return void res.writeHead(302, { location: '/plain' }).end();
    if (req.url === '/plain') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('\uFEFFThe mayor said the bridge was closed.');
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  for (const s of [files, other]) {
    s?.server.closeAllConnections();
    await new Promise<void>((resolve) => (s ? s.server.close(() => resolve()) : resolve()));
  }
});

const options = (extra: Partial<ReadTextOptions> = {}): ReadTextOptions => ({
  origins: [files.origin],
  headers: { authorization: 'Bearer secret-token' },
  maxBytes: 1_000,
  typed: '',
  log,
  what: 'test',
  ...extra,
});

describe('reading a text file', () => {
  it('follows a redirect on the same host, and reads UTF-8 without its byte-order mark', async () => {
    expect(await readTextFiles([{ name: 'a.txt', url: `${files.origin}/moved` }], options({ typed: 'Note:' }))).toEqual({
      text: 'Note:\n\nThe mayor said the bridge was closed.',
    });
  });

  it('gives up on a host that does not answer, after the timeout', async () => {
    const read = await readTextFiles([{ name: 'slow.txt', url: `${files.origin}/hang`, size: 10 }], options({ timeoutMs: 300 }));
    expect(read).toEqual({ unread: expect.stringContaining('(the download timed out)') });
  });

  it('stops a file that is bigger than its announced size at the limit', async () => {
    const read = await readTextFiles([{ name: 'big.txt', url: `${files.origin}/big`, size: 100 }], options());
    expect(read).toEqual({ unread: expect.stringMatching(/^The text is too long: .* ClaimDesk accepts at most 1 KB \(1000 bytes\)/) });
  });

  it('does not follow a redirect to another host, so the token goes nowhere else', async () => {
    const read = await readTextFiles([{ name: 'x.txt', url: `${files.origin}/away`, size: 10 }], options());
    expect(read).toEqual({ unread: expect.stringContaining('not on the platform’s own file host') });
    expect(other.hits).toEqual([]);
    expect(lines.some((l) => l.includes(`not fetching x.txt: ${other.origin} is not one of the platform's file hosts`))).toBe(true);
  });
});
