import { fileURLToPath } from 'node:url';
import type { Artifact } from '../core/artifact.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const image = (p: string): Artifact => ({ kind: 'image', mime: p.endsWith('.png') ? 'image/png' : 'image/jpeg', path: at(p) });
const audio = (p: string): Artifact => ({ kind: 'audio', mime: 'audio/wav', path: at(p) });
const text = (value: string): Artifact => ({ kind: 'text', mime: 'text/plain', value });
/**
 * test-fixtures/clip.mp4, made from the other fixtures:
 * ffmpeg -loop 1 -t 2 -i coffee.jpg -loop 1 -t 2 -i astronaut.jpg -i goforward.wav -filter_complex
 *   "[0:v]scale=320:240,setsar=1[a];[1:v]scale=320:240,setsar=1[b];[a][b]concat=n=2:v=1:a=0[v]"
 *   -map "[v]" -map 2:a -c:v libx264 -pix_fmt yuv420p -r 10 -c:a aac -shortest clip.mp4
 */
const video = (p: string): Artifact => ({ kind: 'video', mime: 'video/mp4', path: at(p) });

const ARTICLE =
  'The city council met on Tuesday to discuss the new library. The library will open next spring on Main Street. ' +
  "It will hold more than forty thousand books and a large children's room. Council members said the library would also host evening classes. " +
  'Funding comes from a state grant and local donations. Marie Curie Street will be renamed in honour of the donors from Paris.';

/** The input each local expert is measured on: the project's own fixtures and example. */
export const BENCH_INPUTS: Record<string, { inputs: Record<string, Artifact>; params?: Record<string, unknown> }> = {
  'local/tesseract-ocr': { inputs: { image: image('examples/sign.png') } },
  'local/tesseractjs-ocr': { inputs: { image: image('examples/sign.png') } },
  'local/apertium-translation': { inputs: { text: text('The library is closed on Sunday. The garden is closed for repairs.') }, params: { target_language: 'es' } },
  'local/espeak-ng-tts': { inputs: { text: text('La biblioteca está cerrada el domingo y el jardín está cerrado.') } },
  'local/flite-tts': { inputs: { text: text('The library is closed on Sunday.') } },
  'local/eld-language-id': { inputs: { text: text(ARTICLE) } },
  'local/sharp-image-transform': { inputs: { image: image('test-fixtures/astronaut.jpg') }, params: { operation: 'grayscale' } },
  'local/vader-sentiment': { inputs: { text: text(ARTICLE) } },
  'local/compromise-token-classification': { inputs: { text: text(ARTICLE) } },
  'local/textrank-summarizer': { inputs: { text: text(ARTICLE) }, params: { sentences: 2 } },
  'local/pocketsphinx-asr': { inputs: { audio: audio('test-fixtures/goforward.wav') } },
  'local/energy-vad': { inputs: { audio: audio('test-fixtures/librivox-0880.wav') } },
  'local/sox-audio-transform': { inputs: { audio: audio('test-fixtures/goforward.wav') }, params: { format: 'flac' } },
  'local/human-object-detection': { inputs: { image: image('test-fixtures/coffee.jpg') } },
  'local/human-face-analysis': { inputs: { image: image('test-fixtures/astronaut.jpg') } },
  'local/human-pose-estimation': { inputs: { image: image('test-fixtures/astronaut.jpg') } },
  'local/human-segmentation': { inputs: { image: image('test-fixtures/astronaut.jpg') } },
  'local/encoder-zero-shot': { inputs: { text: text(ARTICLE) }, params: { labels: ['politics', 'sports', 'technology'] } },
  'local/encoder-answer-sentence': { inputs: { text: text(ARTICLE) }, params: { question: 'Where will the library be?' } },
  'local/ffmpeg-audio-extract': { inputs: { video: video('test-fixtures/clip.mp4') } },
  'local/ffmpeg-frame': { inputs: { video: video('test-fixtures/clip.mp4') }, params: { format: 'gif', duration: 3 } },
  'local/ffmpeg-video-transform': { inputs: { video: video('test-fixtures/clip.mp4') }, params: { operation: 'trim', duration: 2 } },
  'local/ffmpeg-scenes': { inputs: { video: video('test-fixtures/clip.mp4') } },
};
