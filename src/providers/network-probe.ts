/**
 * One quick look at the network before an update: a TCP connection to each provider's host, all at once.
 * When none answers within the time limit, an update would only burn its retries (minutes of them) to
 * fail the same way, so `marketdash update` stops at once with one line instead.
 */
import { connect } from 'node:net';

export interface ProbeHost {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export const PROVIDER_HOSTS: readonly ProbeHost[] = [
  { name: 'Yahoo', host: 'query1.finance.yahoo.com', port: 443 },
  { name: 'Stooq', host: 'stooq.com', port: 443 },
  { name: 'FRED', host: 'api.stlouisfed.org', port: 443 },
];

/** True as soon as one host accepts a connection; false when none does within `timeoutMs`. */
export function anyReachable(hosts: readonly ProbeHost[], timeoutMs = 4000): Promise<boolean> {
  return new Promise((resolve) => {
    let pending = hosts.length;
    let done = false;
    const sockets = hosts.map((h) => {
      const socket = connect({ host: h.host, port: h.port });
      const fail = () => {
        socket.destroy();
        if (!done && --pending === 0) finish(false);
      };
      socket.setTimeout(timeoutMs, fail);
      socket.once('error', fail);
      socket.once('connect', () => finish(true));
      return socket;
    });
    const timer = setTimeout(() => finish(false), timeoutMs + 100);
    function finish(ok: boolean): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of sockets) s.destroy();
      resolve(ok);
    }
    if (hosts.length === 0) finish(false);
  });
}

/** "Yahoo, Stooq or FRED". */
export function hostNames(hosts: readonly ProbeHost[]): string {
  const names = hosts.map((h) => h.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
