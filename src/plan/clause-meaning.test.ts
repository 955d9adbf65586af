import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toolCatalog } from '../catalog/importers/taskbench-task-types.js';
import { requestFiles } from './request-files.js';
import { localSentenceEncoder } from '../retrieval/sentence-encoder.js';
import { planWithoutLlm } from './builtin-planner.js';
import { meaningRanks, type MeaningRanks } from './clause-meaning.js';
import { analyzeRequest } from './request-analysis.js';

const TOOLS = [
  { id: 'Translation', desc: 'Translation is the task of converting text from one language to another.', 'input-type': ['text'], 'output-type': ['text'] },
  { id: 'Tabular Classification', desc: 'Tabular classification is the task of classifying a table (in Image format).', 'input-type': ['image'], 'output-type': ['text'] },
  { id: 'Visual Question Answering', desc: 'Visual Question Answering is the task of answering questions based on an image.', 'input-type': ['image', 'text'], 'output-type': ['text'] },
  { id: 'Depth Estimation', desc: 'Depth estimation is the task of predicting depth of the objects present in an image.', 'input-type': ['image'], 'output-type': ['image'] },
  { id: 'Text-to-Speech', desc: 'Text-to-Speech (TTS) is the task of generating natural sounding speech given text input.', 'input-type': ['text'], 'output-type': ['audio'] },
];

describe('clause meaning ranks', () => {
  const { catalog } = toolCatalog(TOOLS);

  it("ranks every type for each clause, as a share of the catalog's types", async () => {
    const request = "Translate this letter into French, then tell me how far away each object in 'room.jpg' is.";
    const meaning = await meaningRanks(request, catalog, localSentenceEncoder());
    const [first, second] = analyzeRequest(request).clauses;
    const places = meaning(first!)!;
    assert.equal(places.size, TOOLS.length);
    assert.deepEqual([...places.values()].sort(), [0, 0.2, 0.4, 0.6, 0.8]);
    assert.equal(places.get('translation'), 0);
    // "how far away" says depth in other words than its documentation's.
    assert.equal(meaning(second!)!.get('depth-estimation'), 0);
    assert.equal(meaning({ ...first!, text: 'a clause of another request' }), undefined);
  });

  it('places types known only to be refused among the others without moving the others', async () => {
    const request = 'say this text out loud';
    const [clause] = analyzeRequest(request).clauses;
    const all = (await meaningRanks(request, catalog, localSentenceEncoder()))(clause!)!;
    const aside = (await meaningRanks(request, catalog, localSentenceEncoder(), new Set(['text-to-speech'])))(clause!)!;
    // The others are placed as if it were not there: four types, shares of four.
    const others = [...aside].filter(([id]) => id !== 'text-to-speech').map(([, p]) => p).sort();
    assert.deepEqual(others, [0, 0.25, 0.5, 0.75]);
    // It keeps its place: as many types above it, of four counted.
    assert.ok(Math.abs(aside.get('text-to-speech')! - (all.get('text-to-speech')! * 5) / 4) < 1e-9);
  });

  it('vetoes a step whose words match a type far from it in meaning, and takes one that words and meaning agree on', () => {
    const request = 'Convert this letter into speech';
    const files = requestFiles(request);
    const byWords = planWithoutLlm(request, catalog, files).plan.tasks.map((t) => t.task);
    assert.deepEqual(byWords, ['text-to-speech']);
    const far: MeaningRanks = () => new Map([[byWords[0]!, 0.8]]);
    // No step: the plan fails, saying the letter is not given (the words' type has no text to speak).
    assert.throws(() => planWithoutLlm(request, catalog, files, far), /no expert can serve|no file given/);
    const near: MeaningRanks = () => new Map([[byWords[0]!, 0]]);
    assert.deepEqual(planWithoutLlm(request, catalog, files, near).plan.tasks.map((t) => t.task), byWords);
  });
});
