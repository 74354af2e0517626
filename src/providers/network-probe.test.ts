// The network probe against local listeners (no outside network needed): one that accepts, one port
// nobody listens on; the names line as the CLI prints it.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyReachable, hostNames, PROVIDER_HOSTS } from './network-probe.js';

let server: Server;
let open: number;
let closed: number;
beforeAll(async () => {
  server = createServer((s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  open = (server.address() as { port: number }).port;
  const spare = createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', () => r()));
  closed = (spare.address() as { port: number }).port;
  await new Promise<void>((r) => spare.close(() => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('network probe', () => {
  it('is true when any host answers and false when none does', async () => {
    const dead = { name: 'Dead', host: '127.0.0.1', port: closed };
    expect(await anyReachable([dead, { name: 'Up', host: '127.0.0.1', port: open }], 2000)).toBe(true);
    expect(await anyReachable([dead, dead], 2000)).toBe(false);
    expect(await anyReachable([], 100)).toBe(false);
  });
  it('names the providers in one phrase', () => {
    expect(hostNames(PROVIDER_HOSTS)).toBe('Yahoo, Stooq or FRED');
  });
});
