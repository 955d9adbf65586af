import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { loadConfig } from './config.js';

describe('config file', () => {
  const write = async (text: string) => {
    const path = join(await mkdtemp(join(tmpdir(), 'troupe-config-')), 'config.yaml');
    await writeFile(path, text);
    return path;
  };

  it('reads MCP servers, OpenAPI specs, OpenAI-compatible servers and allowed hosts from YAML', async () => {
    const path = await write(`allowHosts: [127.0.0.1]
mcpServers:
  - command: node notes-server.js
  - url: http://127.0.0.1:9000/mcp
openapi:
  - spec: ./petstore.yaml
    authEnv: PETSTORE_TOKEN
openaiCompatible:
  - name: ollama
    baseURL: http://localhost:11434/v1
    model: llama3.2
`);
    const config = await loadConfig(path, {});
    assert.deepEqual(config.allowHosts, ['127.0.0.1']);
    assert.equal(config.mcpServers.length, 2);
    assert.deepEqual(config.openapi, [{ spec: './petstore.yaml', authEnv: 'PETSTORE_TOKEN' }]);
    assert.equal(config.openaiCompatible[0]!.model, 'llama3.2');
  });

  it('has no config when the default file is absent, but a named file must exist', async () => {
    const empty = await loadConfig(undefined, { XDG_CONFIG_HOME: join(tmpdir(), 'no-such-troupe-config') });
    assert.deepEqual(empty.mcpServers, []);
    await assert.rejects(loadConfig('/no/such/config.yaml', {}), (e) => TroupeError.is(e, ErrorCode.InputNotFound) && /cannot read the config file \/no\/such\/config\.yaml/.test(e.message));
  });

  it('says which field is wrong', async () => {
    const cases: Array<[string, RegExp]> = [
      ['mcpServers: [{command: a, url: "http://x"}]', /exactly one of command or url/],
      ['openaiCompatible: [{name: x, baseURL: "http://x/v1"}]', /at least one of model/],
      ['openapi: [{spec: a.yaml, authEnv: "sk-live-123"}]', /NAME of an environment variable/],
      ['mcpServer: []', /Unrecognized key: "mcpServer"/],
      ['allowHosts: [a\n  b: c', /not valid YAML/],
    ];
    for (const [text, message] of cases) {
      await assert.rejects(loadConfig(await write(text), {}), (e) => TroupeError.is(e, ErrorCode.InputCorrupt) && message.test(e.message), text);
    }
  });
});
