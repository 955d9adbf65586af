import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { defaultCatalog } from '../../app/default-catalog.js';
import type { SniffedFile } from '../../core/modality.js';
import { startOpenAiServer, type Reply } from '../../test-support/openai-server.js';
import { LlmController } from './llm-controller.js';
import { parseLlmSpec } from './llm-spec.js';

/**
 * What real models get wrong when they plan, replayed over the chat-completions protocol
 * (a loopback server; the real AI SDK client). Each reply is either repaired — the plan
 * runs, and the record says what was repaired — or retried with the problem named, or
 * handed to the built-in planner with the reason. None crashes.
 */
const catalog = defaultCatalog();
const files = new Map<string, SniffedFile>([['sign.png', { modality: 'image', mime: 'image/png' }]]);
const request = 'Read the sign in this photo, translate it into Spanish and read it aloud';
const CHAIN = ['ocr', 'translation', 'text-to-speech'];
const GOOD = `{"tasks": [{"task": "ocr", "id": 0, "dep": [-1], "args": {"image": "sign.png"}}, {"task": "translation", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0", "target_language": "es"}}, {"task": "text-to-speech", "id": 2, "dep": [1], "args": {"text": "<GENERATED>-1"}}]}`;

interface Case {
  name: string;
  replies: string[];
  /** The plan's task types, in order. */
  tasks: string[];
  planner?: 'llm' | 'builtin';
  /** How many requests the controller made (1: accepted as it came, after repairs). */
  requests?: number;
  repairs?: RegExp;
  /** What the retry told the model. */
  told?: RegExp;
  fallback?: RegExp;
}

const CASES: Case[] = [
  { name: 'markdown fence', replies: ['```json\n' + GOOD + '\n```'], tasks: CHAIN },
  { name: 'prose before, trailing prose after', replies: [`Sure! Here is the plan:\n${GOOD}\n\nThe first task reads the sign; then it is translated and spoken.`], tasks: CHAIN },
  { name: 'single quotes and trailing commas (Python-style)', replies: [GOOD.replace(/"/g, "'").replace(/\]\}$/, ',]}')], tasks: CHAIN },
  { name: '<GENERATED-0> instead of <GENERATED>-0', replies: [GOOD.replace('<GENERATED>-0', '<GENERATED-0>').replace('<GENERATED>-1', '<GENERATED-1>')], tasks: CHAIN },
  { name: 'a bare array, no {"tasks": …}', replies: [GOOD.slice('{"tasks": '.length, -1)], tasks: CHAIN },
  {
    name: 'tool names close to real ones (case, underscores, a typo)',
    replies: [GOOD.replace('"ocr"', '"OCR"').replace('"translation"', '"translaton"').replace('"text-to-speech"', '"Text_To_Speech"')],
    tasks: CHAIN,
    repairs: /unknown task type "translaton" read as "translation"/,
  },
  {
    name: 'a dependency on a later task (listed out of order)',
    replies: [`{"tasks": [{"task": "text-to-speech", "id": 2, "dep": [1], "args": {"text": "<GENERATED>-1"}}, {"task": "ocr", "id": 0, "dep": [-1], "args": {"image": "sign.png"}}, {"task": "translation", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0", "target_language": "es"}}]}`],
    tasks: CHAIN,
    repairs: /dependency order/,
  },
  {
    name: 'missing arguments with the dependency named',
    replies: [`{"tasks": [{"task": "ocr", "id": 0, "dep": [-1], "args": {}}, {"task": "translation", "id": 1, "dep": [0], "args": {"target_language": "es"}}, {"task": "text-to-speech", "id": 2, "dep": [1], "args": {}}]}`],
    tasks: CHAIN,
    repairs: /the missing input "text" taken from the output of t2/,
  },
  {
    name: 'wrong dep lists (the references say otherwise)',
    replies: [GOOD.replace('"dep": [0]', '"dep": [-1]').replace('"dep": [1]', '"dep": [0, 1]')],
    tasks: CHAIN,
    repairs: /dependencies rebuilt from its references/,
  },
  { name: 'a cycle, then a fix', replies: [GOOD.replace('"dep": [-1], "args": {"image": "sign.png"}', '"dep": [2], "args": {"image": "<GENERATED>-2"}'), GOOD], tasks: CHAIN, requests: 2, told: /cycle|needs image but gets audio/ },
  { name: 'an invented tool, then a fix', replies: [GOOD.replace('"ocr"', '"sign-reader-pro"'), GOOD], tasks: CHAIN, requests: 2, told: /unknown task type \\"sign-reader-pro\\"/ },
  { name: 'a missing required parameter, then a fix', replies: [GOOD.replace(', "target_language": "es"', ''), GOOD], tasks: CHAIN, requests: 2, told: /target_language/ },
  { name: 'a truncated reply (max tokens), then a fix', replies: [GOOD.slice(0, 120), GOOD], tasks: CHAIN, requests: 2, told: /That plan is invalid/ },
  { name: 'an empty reply, then a fix', replies: ['', GOOD], tasks: CHAIN, requests: 2 },
  { name: 'a file the user did not give, then a fix', replies: [GOOD.replace('"image": "sign.png"', '"image": "photo.jpg"'), GOOD], tasks: CHAIN, requests: 2, told: /photo\.jpg/ },
  { name: 'nonsense every time: the built-in planner takes over', replies: ['I cannot help with that.'], tasks: CHAIN, planner: 'builtin', requests: 3, fallback: /invalid 3 times/ },
];

const servers: Array<{ close: () => Promise<void> }> = [];
after(() => Promise.all(servers.map((s) => s.close())));

describe('the LLM planner against replayed real-world failures', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const server = await startOpenAiServer(c.replies.map((content): Reply => ({ content })));
      servers.push(server);
      const controller = new LlmController(parseLlmSpec(`openai-compatible:${server.url}#replay`), { timeoutMs: 5_000, maxRetries: 0 });
      const outcome = await controller.plan({ request, catalog, files });
      assert.deepEqual(outcome.plan.tasks.map((t) => t.task), c.tasks);
      assert.equal(outcome.planner === 'builtin' ? 'builtin' : 'llm', c.planner ?? 'llm', outcome.fallback);
      assert.equal(server.requests.length, c.requests ?? 1);
      if (c.repairs) assert.match(outcome.repairs.join('\n'), c.repairs);
      if (c.told) assert.match(JSON.stringify(server.requests[1]!.body.messages), c.told);
      if (c.fallback) assert.match(outcome.fallback ?? '', c.fallback);
      // Whatever the model wrote, the plan that comes out is wired: every reference is to an earlier task.
      const seen = new Set<string>();
      for (const t of outcome.plan.tasks) {
        assert.ok(t.deps.every((d) => seen.has(d)), `${t.id} depends on a later task`);
        seen.add(t.id);
      }
    });
  }
});
