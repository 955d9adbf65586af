import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiDoc } from './apibench-data.js';
import { extractApiCall } from './extract-api-call.js';
import { ApiMatcher, scoreResponses } from './score.js';
import type { Hub } from './gorilla-ast-match.js';
import { ApiSelector, gorillaResponse } from './select-api.js';

const api = (domain: string, api_call: string, extra: Partial<ApiDoc> = {}): ApiDoc => ({ domain, api_name: api_call, api_call, ...extra });

describe('extractApiCall (Gorilla\'s cut)', () => {
  it('takes the text between "api_call>>>: " and the last ")" before api_provider', () => {
    assert.equal(extractApiCall("<<<domain>>>: X, <<<api_call>>>: f('a', b=1), <<<api_provider>>>: P", true), "f('a', b=1)");
  });
  it('takes the whole text without api_call on HF/TF, and nothing on TorchHub', () => {
    assert.equal(extractApiCall("pipeline('x')", true), "pipeline('x')");
    assert.equal(extractApiCall("pipeline('x')", false), undefined);
  });
  it('drops the last character when there is no ")" (Python\'s [start+2:-1])', () => {
    assert.equal(extractApiCall('api_call: abcdef! api_provider', true), 'abcdef!');
    assert.equal(extractApiCall('api_call: abcdef!api_provider', true), 'abcdef');
  });
});

describe('Gorilla AST matching', () => {
  it('matches a call by function name and argument values, per hub rule', async () => {
    const apis = [
      api('Image Classification', "torch.hub.load(repo_or_dir='pytorch/vision', model='resnet50', pretrained=True)"),
      api('Object Detection', "torch.hub.load(repo_or_dir='ultralytics/yolov5', model='yolov5s', pretrained=True)"),
    ];
    const m = await ApiMatcher.build(apis, 'torchhub');
    assert.equal(await m.match("model = torch.hub.load('ultralytics/yolov5', 'yolov5s', pretrained=True)"), 1);
    assert.equal(await m.match("torch.hub.load('pytorch/vision', 'resnet50')"), 0);
    assert.equal(await m.match("torch.hub.load('pytorch/vision', 'resnet9000')"), -1);
  });

  it('reproduces the fall-through quirk: with no sub-tree of that name, the last sub-tree is checked', async () => {
    const m = await ApiMatcher.build([api('NLP', "pipeline('summarization', model='t5-small')")], 'huggingface');
    // No call named "pipeline" here, but the last sub-tree listed (the string) contains both values.
    assert.equal(await m.match("run('summarization with t5-small')"), 0);
    assert.equal(await m.match("run('summarization', 't5-small')"), -1);
  });

  it('strips single quotes only: a double-quoted argument must appear with its double quotes', async () => {
    const m = await ApiMatcher.build([api('NLP', 'AutoModel.from_pretrained("bert-base")')], 'huggingface');
    assert.equal(await m.match("AutoModel.from_pretrained('bert-base')"), -1);
    assert.equal(await m.match('AutoModel.from_pretrained("bert-base")'), 0);
  });

  it('scores correct, hallucinated and wrong-domain responses as fractions of all', async () => {
    const apis = [api('A', "load(model='alpha-net')"), api('B', "load(model='beta-net')")];
    const m = await ApiMatcher.build(apis, 'tensorflowhub');
    const labels = [{ api_data: { domain: 'A' } }, { api_data: { domain: 'A' } }, { api_data: { domain: 'A' } }];
    const r = await scoreResponses('tensorflowhub', m, labels, [
      { question_id: 1, text: "<<<api_call>>>: load(model='alpha-net') <<<api_provider>>>" },
      { question_id: 2, text: "<<<api_call>>>: load(model='gamma-net') <<<api_provider>>>" },
      { question_id: 3, text: "<<<api_call>>>: load(model='beta-net') <<<api_provider>>>" },
    ]);
    assert.deepEqual([r.correct, r.hallucinated, r.n], [1, 1, 3]);
    assert.ok(Math.abs(r.error - 1 / 3) < 1e-9);
  });
});

describe('ApiSelector', () => {
  it('chooses an entry of the catalog by its documentation, never an invented call', async () => {
    const apis = [
      api('Semantic Segmentation', "torch.hub.load(repo_or_dir='pytorch/vision', model='deeplabv3_resnet50', pretrained=True)", { description: 'DeepLabV3 semantic segmentation of street scenes: pixels labelled as road, car, person' }),
      api('Speech To Text', "torch.hub.load(repo_or_dir='snakers4/silero-models', model='silero_stt', pretrained=True)", { description: 'Speech to text: transcribe spoken audio recordings' }),
      api('Image Classification', "torch.hub.load(repo_or_dir='pytorch/vision', model='resnet50', pretrained=True)", { description: 'ResNet image classification into 1000 ImageNet classes' }),
    ];
    const selector = new ApiSelector(apis, await ApiMatcher.build(apis, 'torchhub'));
    const s = await selector.select('I need to transcribe a recording of spoken language into text');
    assert.equal(s?.api.domain, 'Speech To Text');
    assert.match(gorillaResponse(7, s).text, /<<<api_call>>>: torch\.hub\.load\(repo_or_dir='snakers4\/silero-models'/);
  });

  // One small API list in each hub's call style, with an entry whose call the matcher maps to
  // another domain's API and one it maps to none: neither may ever be answered.
  const HUB_APIS: Record<Hub, ApiDoc[]> = {
    huggingface: [
      api('Natural Language Processing Translation', "pipeline('translation_en_to_fr', model='t5-small')", { description: 'translate English text into French' }),
      api('Audio Automatic Speech Recognition', "pipeline('automatic-speech-recognition', model='openai/whisper-tiny')", { description: 'transcribe speech recordings into text' }),
      api('Computer Vision Image Classification', "pipeline('translation_en_to_fr', model='t5-small', device=0)", { description: 'classify photos of birds: calls a translation pipeline' }),
      api('Multimodal Text-to-Image', 'StableDiffusionPipeline.from_pretrained()', { description: 'draw an image of anything from words' }),
    ],
    tensorflowhub: [
      api('Image classification', "hub.KerasLayer('https://tfhub.dev/google/imagenet/mobilenet_v2_100_224/classification/4')", { description: 'classify images into ImageNet classes' }),
      api('Text embedding', "hub.load('https://tfhub.dev/google/universal-sentence-encoder/4')", { description: 'embed sentences as vectors for similarity' }),
      api('Audio event classification', 'hub.load()', { description: 'recognise sounds such as dogs barking in audio' }),
    ],
    torchhub: [
      api('Image Classification', "torch.hub.load(repo_or_dir='pytorch/vision', model='resnet50', pretrained=True)", { description: 'ResNet image classification into ImageNet classes' }),
      api('Speech To Text', "torch.hub.load(repo_or_dir='snakers4/silero-models', model='silero_stt', pretrained=True)", { description: 'transcribe spoken audio recordings' }),
    ],
  };
  for (const [hub, apis] of Object.entries(HUB_APIS) as Array<[Hub, ApiDoc[]]>) {
    it(`answers every question on ${hub} with a call the scorer matches to an API (0 hallucination by construction)`, async () => {
      const matcher = await ApiMatcher.build(apis, hub);
      const selector = new ApiSelector(apis, matcher);
      const questions = ['I want to classify pictures of birds', 'recognise the sound of a dog barking', 'draw me an image of a castle', 'zzz qqq', '', ...apis.map((a) => String(a.description))];
      const responses = await Promise.all(questions.map(async (q, i) => gorillaResponse(i + 1, await selector.select(q))));
      const labels = questions.map(() => ({ api_data: { domain: apis[0]!.domain } }));
      const scored = await scoreResponses(hub, matcher, labels, responses);
      assert.equal(scored.hallucinated, 0, responses.map((r) => r.text).join('\n'));
    });
  }
});

