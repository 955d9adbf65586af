import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importMcp } from '../../catalog/importers/import-mcp.js';
import { startMcpHttpServer } from '../../test-support/mcp-server.js';
import { troupe as runTroupe } from '../../test-support/troupe-cli.js';

const TSX = import.meta.resolve('tsx');
const SERVER = fileURLToPath(new URL('../../test-support/mcp-server.ts', import.meta.url));
const STDIO = `${process.execPath} --import ${TSX} ${SERVER}`;

// The remote tests talk only to loopback, which they allow explicitly.
const troupe = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runTroupe(args, cwd, { TROUPE_ALLOW_HOSTS: '127.0.0.1', ...env });

describe('MCP tools (official SDK, a real server over stdio and streamable HTTP)', () => {
  let http: Awaited<ReturnType<typeof startMcpHttpServer>>;
  let dir: string;
  before(async () => {
    process.env.TROUPE_ALLOW_HOSTS = '127.0.0.1'; // the tests talk only to loopback, allowed explicitly
    http = await startMcpHttpServer();
    dir = await mkdtemp(join(tmpdir(), 'troupe-mcp-'));
  });
  after(() => http.close());

  it('refuses an MCP server on a private address unless allowed', async () => {
    const saved = process.env.TROUPE_ALLOW_HOSTS;
    delete process.env.TROUPE_ALLOW_HOSTS;
    try {
      await assert.rejects(importMcp(http.url), /refusing a request to 127\.0\.0\.1/);
    } finally {
      process.env.TROUPE_ALLOW_HOSTS = saved;
    }
  });

  it('imports every tool with its schema and read-only flag, over stdio and over HTTP', async () => {
    for (const target of [STDIO, http.url]) {
      const entries = await importMcp(target);
      assert.deepEqual(entries.map((e) => e.id), ['mcp/text-tools/word_count', 'mcp/text-tools/reverse_text', 'mcp/text-tools/save_note']);
      assert.equal(JSON.parse(entries[0]!.provider.call!).readOnly, true);
      assert.equal(JSON.parse(entries[2]!.provider.call!).readOnly, false);
      assert.deepEqual((entries[0]!.parameters as { required: string[] }).required, ['text']);
    }
  });

  it('plans and runs an imported tool, reports tool errors, and skips state changes without --yes', async () => {
    const db = join(dir, 'catalog.db');
    assert.equal((await troupe(['catalog', 'import', 'mcp', http.url, '--db', db], dir)).code, 0);

    const counted = await troupe(['run', "count the words in 'the quick brown fox jumps'", '--db', db, '--json'], dir);
    assert.equal(counted.code, 0, counted.stderr);
    const run = JSON.parse(counted.stdout);
    assert.equal(run.tasks[0].expert, 'mcp/text-tools/word_count');
    assert.equal(run.tasks[0].outputs[0].value, '5');

    const failed = await troupe(['run', "reverse the text 'fail'", '--db', db, '--json'], dir);
    assert.equal(failed.code, 1);
    assert.match(JSON.parse(failed.stdout).tasks[0].error.message, /the MCP server answered with an error: cannot reverse the word fail/);

    const unapproved = await troupe(['run', "save this as a note: 'buy milk'", '--db', db, '--json'], dir);
    const task = JSON.parse(unapproved.stdout).tasks[0];
    assert.equal(task.status, 'skipped');
    assert.equal(task.error.code, 'NEEDS_APPROVAL');
    assert.match(task.error.hint, /--yes/);

    const approved = await troupe(['run', "save this as a note: 'buy milk'", '--db', db, '--json', '--yes'], dir);
    assert.equal(approved.code, 0, approved.stderr);
    assert.match(JSON.parse(approved.stdout).tasks[0].outputs[0].value, /^saved note \d+$/);
  });
});
