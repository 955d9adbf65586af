import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { fetch as undiciFetch } from 'undici';
import { ErrorCode, HttpError, TroupeError } from '../core/errors.js';
import { assertLiteralAllowed, guardedAgent, hostOf, isAllowedHost, isPrivateAddress, refusal } from './address-policy.js';

export { isPrivateAddress } from './address-policy.js';

export interface HttpPolicy {
  timeoutMs: number;
  retries: number;
  /** Hosts that may be private or loopback (TROUPE_ALLOW_HOSTS, comma-separated). */
  allowHosts: readonly string[];
  signal?: AbortSignal;
}

/**
 * What a caller adds to the environment's policy: the private hosts the config file allows
 * (its `allowHosts`). Passed down explicitly by whoever read the config, never set globally.
 */
export interface NetAccess {
  allowHosts?: readonly string[];
}

/** The policy of the environment (TROUPE_ALLOW_HOSTS, TROUPE_HTTP_TIMEOUT_MS), read now, with the caller's allowed hosts. */
export function defaultPolicy(access: NetAccess = {}, env: NodeJS.ProcessEnv = process.env): HttpPolicy {
  const fromEnv = (env.TROUPE_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return { timeoutMs: Number(env.TROUPE_HTTP_TIMEOUT_MS) || 30_000, retries: 2, allowHosts: [...fromEnv, ...(access.allowHosts ?? [])] };
}

/**
 * Refuses private, loopback and link-local targets unless the host is allowed, early and with
 * a clear message (at import, before a run). The connection itself is guarded again by
 * `guardedAgent`, which is what stops a name that resolves differently the second time.
 */
export async function assertAllowed(url: URL, policy: HttpPolicy = defaultPolicy()): Promise<void> {
  const host = hostOf(url);
  if (isAllowedHost(host, policy.allowHosts)) return;
  assertLiteralAllowed(url, policy.allowHosts);
  if (isIP(host)) return;
  const addresses = (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new TroupeError(ErrorCode.ExpertFailed, `cannot resolve ${host}`, { hint: 'check the URL, and the network', transient: true });
  if (addresses.some(isPrivateAddress)) throw refusal(host);
}

/** The policy's refusal when undici reports it as the cause of a failed fetch. */
function policyRefusal(error: unknown): TroupeError | undefined {
  for (let e = error as { cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e instanceof TroupeError) return e;
  }
  return undefined;
}

/** fetch through the guarded connection pool (undici's fetch, so the dispatcher is its own). */
export function guardedFetch(allowHosts: readonly string[]): typeof fetch {
  const dispatcher = guardedAgent(allowHosts);
  return (async (input: string | URL | Request, init?: RequestInit) => {
    try {
      return (await undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as Response;
    } catch (error) {
      throw policyRefusal(error) ?? error;
    }
  }) as typeof fetch;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(new TroupeError(ErrorCode.Cancelled, 'cancelled'))), { once: true });
  });

/** Seconds or an HTTP date, capped at 30 s. */
function retryAfterMs(header: string | null, attempt: number): number {
  const seconds = header && /^\d+$/.test(header) ? Number(header) * 1000 : header ? Date.parse(header) - Date.now() : NaN;
  return Math.min(30_000, Number.isFinite(seconds) && seconds >= 0 ? seconds : 250 * 2 ** attempt);
}

/**
 * fetch with the rules every remote expert follows: a timeout per attempt; retries with
 * backoff on 429 and 5xx, honouring Retry-After; no request to private addresses unless
 * allowed, and redirects followed by hand so they cannot lead there either; 401/403 as an
 * error naming the endpoint. `name` is the endpoint as the user knows it.
 */
export async function fetchWithPolicy(input: string, init: RequestInit, name: string, policy: HttpPolicy = defaultPolicy()): Promise<Response> {
  let url = new URL(input);
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    for (let hops = 0; ; hops++) {
      await assertAllowed(url, policy);
      const timeout = AbortSignal.timeout(policy.timeoutMs);
      const signal = policy.signal ? AbortSignal.any([timeout, policy.signal]) : timeout;
      try {
        response = await guardedFetch(policy.allowHosts)(url, { ...init, redirect: 'manual', signal });
      } catch (error) {
        const refused = policyRefusal(error);
        if (refused) throw refused;
        if (policy.signal?.aborted) throw new TroupeError(ErrorCode.Cancelled, `${name}: cancelled`);
        if (timeout.aborted) throw new TroupeError(ErrorCode.ExpertTimeout, `${name} did not answer within ${policy.timeoutMs / 1000} s`, { transient: true });
        throw new TroupeError(ErrorCode.ExpertFailed, `${name}: ${(error as Error).message}`, { transient: true, cause: error });
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && hops < 5) {
        url = new URL(location, url);
        continue;
      }
      break;
    }
    if (response.status === 401 || response.status === 403) {
      throw new HttpError(ErrorCode.MissingCredential, `${name} refused the request (${response.status}): the credential is missing or wrong`, response.status, name, { hint: 'set the environment variable the catalog entry names for this API' });
    }
    if ((response.status === 429 || response.status >= 500) && attempt < policy.retries) {
      await sleep(retryAfterMs(response.headers.get('retry-after'), attempt), policy.signal);
      continue;
    }
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).slice(0, 300);
      throw new HttpError(ErrorCode.ExpertFailed, `${name} answered ${response.status}${body ? `: ${body}` : ''}`, response.status, name, { transient: response.status === 429 || response.status >= 500 });
    }
    return response;
  }
}

/** `fetchWithPolicy` in fetch's own shape, for client libraries that take a `fetch` (AI SDK, huggingface.js). */
export function policyFetch(name: string, policy: HttpPolicy = defaultPolicy()): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => fetchWithPolicy(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init ?? {}, name, policy)) as typeof fetch;
}
