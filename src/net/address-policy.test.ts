import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isPrivateAddress } from './address-policy.js';
import { fetchWithPolicy, guardedFetch } from './http-policy.js';

const NOBODY_ALLOWED = { timeoutMs: 2_000, retries: 0, allowHosts: [] as string[] };

describe('private-address guard', () => {
  let server: Server;
  let port = 0;
  let hits = 0;
  before(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/redirect-to-mapped') return res.writeHead(302, { location: `http://[::ffff:7f00:1]:${port}/secret` }).end();
      res.end('secret');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Each form reaches the loopback listener when nothing guards it (checked first, so the
  // refusals below are not refusals of an address that could not be reached anyway).
  const forms = ['127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', 'localhost'];

  it('every form of loopback is reachable unguarded', async () => {
    for (const host of forms) assert.equal(await (await fetch(`http://${host}:${port}/`)).text(), 'secret', host);
  });

  it('refuses every form of loopback, at the check and at the connection', async () => {
    for (const host of forms) {
      const before = hits;
      await assert.rejects(fetchWithPolicy(`http://${host}:${port}/`, {}, 'probe', NOBODY_ALLOWED), /refusing a request to/, host);
      // The connection-level guard alone (what a client library's own fetch goes through).
      await assert.rejects(guardedFetch([])(`http://${host}:${port}/`), /refusing a request to/, host);
      assert.equal(hits, before, `${host} reached the server`);
    }
  });

  it('a redirect cannot lead to a private literal, even when the first host was allowed', async () => {
    const before = hits;
    await assert.rejects(guardedFetch(['127.0.0.1'])(`http://127.0.0.1:${port}/redirect-to-mapped`), /refusing a request to ::ffff:7f00:1/);
    assert.equal(hits, before + 1, 'only the allowed host was reached');
  });

  it('allows exactly the hosts it is told to', async () => {
    assert.equal(await (await guardedFetch(['localhost'])(`http://localhost:${port}/`)).text(), 'secret');
    assert.equal(await (await fetchWithPolicy(`http://127.0.0.1:${port}/`, {}, 'probe', { ...NOBODY_ALLOWED, allowHosts: ['127.0.0.1'] })).text(), 'secret');
  });

  it('classifies addresses by range, IPv4 carried in IPv6 included', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.0.1', '192.168.1.5', '169.254.1.1', '100.64.0.1', '0.0.0.0', '::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '::127.0.0.1', '::7f00:1', 'fe80::1', 'fe90::1', 'febf::1', 'fc00::1', 'fd12::1', '64:ff9b::7f00:1', '2002:7f00:1::', 'ff02::1', 'not-an-address']) {
      assert.ok(isPrivateAddress(a), a);
    }
    for (const a of ['93.184.216.34', '2606:2800:220:1::1', '::ffff:93.184.216.34']) assert.ok(!isPrivateAddress(a), a);
  });
});
