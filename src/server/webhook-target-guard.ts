/**
 * Where a webhook may be delivered (server-side request forgery guard, docs/security.md): only
 * `http:` and `https:` URLs, and never to the server's own machine or network: loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT, link-local (169.254/16 with the cloud
 * metadata address 169.254.169.254, fe80::/10), unspecified, multicast and reserved addresses are
 * refused. A name is checked on the addresses it resolves to, by the same lookup that opens the
 * connection, so a DNS answer that changes between a check and the connection (rebinding) cannot
 * slip through. Hosts named in `MARKETDASH_WEBHOOK_ALLOW_HOSTS` (comma-separated) are exempt, for a
 * receiver on the local network that is meant to get them.
 */

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { ensureDefined } from '../domain/ensure.js';

const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is one a webhook must never reach. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/** The hosts exempted by configuration (lower case). */
export function allowedWebhookHosts(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env.MARKETDASH_WEBHOOK_ALLOW_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
  );
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Why a webhook URL is refused before any lookup (scheme, an address literal), or null. */
export function webhookUrlProblem(text: string, allow: ReadonlySet<string> = allowedWebhookHosts()): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `scheme ${url.protocol} is not allowed (http or https only)`;
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  const host = bareHost(url);
  if (allow.has(host)) return null;
  if (host === 'localhost' || host.endsWith('.localhost')) return `host ${host} is this machine`;
  if (isIP(host) !== 0 && isBlockedAddress(host)) return `address ${host} is private, loopback or link-local`;
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the name and refuses it when any address is blocked
 * (unless the host is allowed): the connection uses exactly the addresses checked here.
 */
export function guardedLookup(allow: ReadonlySet<string>) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      const bad = allow.has(hostname.toLowerCase()) ? undefined : list.find((a) => isBlockedAddress(a.address));
      if (bad || list.length === 0) {
        const e = new Error(
          `${hostname} resolves to ${bad?.address ?? 'nothing'}: webhooks are not delivered to private addresses`,
        ) as NodeJS.ErrnoException;
        e.code = 'EBLOCKEDADDRESS';
        return callback(e, []);
      }
      if (options.all) return callback(null, list);
      const first = ensureDefined(list[0], `first address ${hostname} resolves to`);
      return callback(null, first.address, first.family);
    });
  };
}
