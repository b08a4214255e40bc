// A web server that is not the platform's: the file tests point an attachment at it and check that nothing
// was fetched from it and no token reached it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForeignHost {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** "METHOD /path AUTHORIZATION" for every request that reached it. */
  hits: string[];
  close(): Promise<void>;
}

/** Serves `body` as text/plain to anyone who asks, and records each request. */
export async function startForeignHost(body: string): Promise<ForeignHost> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
