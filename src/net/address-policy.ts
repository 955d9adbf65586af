import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';
import { ErrorCode, TroupeError } from '../core/errors.js';

/**
 * Only globally routable unicast addresses are public. Everything ipaddr.js puts in another
 * range (loopback, private, link-local, unique-local, carrier-grade NAT, reserved, multicast,
 * and the IPv6 forms that embed an IPv4 address: 6to4, NAT64, Teredo) is treated as private.
 * IPv4-mapped addresses (`::ffff:7f00:1`) are judged as the IPv4 address they carry.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return true;
  const parsed = ipaddr.process(bare);
  if (parsed.range() !== 'unicast') return true;
  // The deprecated IPv4-compatible form (::a.b.c.d, ::/96) has no public use; ipaddr.js calls it unicast.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return true;
  return false;
}

export function refusal(host: string): TroupeError {
  return new TroupeError(ErrorCode.ExpertFailed, `refusing a request to ${host}: it is a private, loopback or link-local address`, { hint: `allow it explicitly: TROUPE_ALLOW_HOSTS=${host}, or allowHosts: [${host}] in the config file` });
}

/** A host as the allow list names it: no brackets around IPv6, lower case. */
const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

/** The host of a URL as the allow list names it. */
export function hostOf(url: URL): string {
  return bare(url.hostname);
}

const allowSet = (allowHosts: readonly string[]): ReadonlySet<string> => new Set(allowHosts.map(bare));

export function isAllowedHost(host: string, allowHosts: readonly string[]): boolean {
  return allowSet(allowHosts).has(bare(host));
}

/** The refusal of a private address literal that is not allowed (literals never reach `lookup`). */
function literalRefusal(host: string, allowed: ReadonlySet<string>): TroupeError | undefined {
  const h = bare(host);
  return isIP(h) && !allowed.has(h) && isPrivateAddress(h) ? refusal(h) : undefined;
}

/**
 * A `lookup` for net.connect that refuses private addresses of hosts not allowed. Because
 * the socket connects to exactly the addresses this returns, a name cannot resolve to a
 * public address for a check and to a private one for the connection (DNS rebinding).
 */
export function guardedLookup(allowHosts: readonly string[]): LookupFunction {
  const allowed = allowSet(allowHosts);
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : '', undefined);
      if (!allowed.has(bare(hostname)) && addresses.some((a) => isPrivateAddress(a.address))) return callback(refusal(hostname), options.all ? [] : '', undefined);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

const agents = new Map<string, Agent>();

/**
 * One connection pool per allow list, whose every socket passes the policy: a host name
 * through `guardedLookup`, an address literal (which never reaches a lookup) here, so that
 * a redirect or a client library's own fetch cannot reach a private address either.
 */
export function guardedAgent(allowHosts: readonly string[]): Agent {
  const key = [...allowHosts].sort().join(',');
  let agent = agents.get(key);
  if (!agent) {
    const allowed = allowSet(allowHosts);
    const connect = buildConnector({ lookup: guardedLookup(allowHosts) });
    agent = new Agent({
      connect: (options, callback) => {
        const refused = literalRefusal(options.hostname, allowed);
        return refused ? callback(refused, null) : connect(options, callback);
      },
    });
    agents.set(key, agent);
  }
  return agent;
}

/** Refuses a URL whose host is a private address literal (literals never reach `lookup`). */
export function assertLiteralAllowed(url: URL, allowHosts: readonly string[]): void {
  const refused = literalRefusal(url.hostname, allowSet(allowHosts));
  if (refused) throw refused;
}
