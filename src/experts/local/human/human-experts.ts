import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { counted, listed } from '../../../text/counted.js';
import { ExpertEntrySchema, type Expert, type ExpertContext, type ExpertResult } from '../../../core/expert.js';
import { loadSharp } from '../prepare-image.js';
import { drawDetections } from './draw-detections.js';
import { detect, loadHuman, type DetectWhat } from './load-human.js';
import { readRgb } from './read-rgb.js';
import { detectTiled } from './tiled-detect.js';

const COMMON = {
  provider: { kind: 'local' as const },
  resourceClass: 'vision',
  license: 'MIT (Human); models: see @vladmandic/human/models/README.md',
  source: 'https://github.com/vladmandic/human (npm @vladmandic/human, tfjs WASM backend)',
};

const round = (x: number) => Math.round(x);
const box = (b: [number, number, number, number]) => b.map(round) as [number, number, number, number];

async function check() {
  try {
    await loadHuman();
    return { runnable: true };
  } catch (error) {
    return { runnable: false, reason: `Human's models did not load: ${(error as Error).message}`, fix: 'npm ci (reinstalls @vladmandic/human and @tensorflow/tfjs-backend-wasm)' };
  }
}

/** Shared path: decode, detect, write JSON, draw the annotated image beside it. */
async function runDetection(
  ctx: ExpertContext,
  expert: string,
  what: DetectWhat,
  describe: (result: Awaited<ReturnType<typeof detect>>) => { value: unknown; note: string; words?: string; drawing: Parameters<typeof drawDetections>[3] },
): Promise<ExpertResult> {
  const rgb = await readRgb(ctx.inputs.image, expert);
  const human = await loadHuman();
  // Faces and objects in a wide or tall image are looked for tile by tile (tiled-detect.ts).
  const result = what === 'pose' ? await detect(human, rgb, what) : await detectTiled(human, rgb, what);
  const { value, note, words, drawing } = describe(result);
  const json = { width: rgb.width, height: rgb.height, ...(value as object) };
  const jsonPath = ctx.outputPath('json');
  await writeFile(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  // Draw on the pixels the detector saw, so the boxes line up after any downscaling.
  const sharp = await loadSharp();
  const seenPath = join(ctx.scratchDir, 'seen.png');
  await sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } }).png().toFile(seenPath);
  const pngPath = ctx.outputPath('png');
  await drawDetections(seenPath, rgb, pngPath, drawing);
  return {
    output: { kind: 'json', mime: 'application/json', path: jsonPath, value: json, words: words ?? note, language: 'en' },
    extra: [{ kind: 'image', mime: 'image/png', path: pngPath }],
    note,
  };
}

export const humanObjectDetection: Expert = {
  entry: ExpertEntrySchema.parse({
    ...COMMON,
    id: 'local/human-object-detection',
    name: 'CenterNet object detection (Human)',
    task: 'object-detection',
    description: 'Detects the 80 COCO object classes (people, animals, vehicles, furniture, food, ...) with CenterNet on the tfjs WASM backend; boxes, labels and scores, and a copy of the image with the boxes drawn.',
    usage: "human.detect(image, { object: { enabled: true } })",
    popularity: 60,
  }),
  check,
  run: (ctx) =>
    runDetection(ctx, 'local/human-object-detection', 'objects', (r) => {
      const objects = r.object.map((o) => ({ label: o.label, score: Math.round(o.score * 100) / 100, box: box(o.box) }));
      const counts = new Map<string, number>();
      for (const o of objects) counts.set(o.label, (counts.get(o.label) ?? 0) + 1);
      // The kind asked about comes first, counted even when none was found ("find the cat": "no cat").
      const find = typeof ctx.params.find === 'string' ? ctx.params.find : undefined;
      const asked = find === undefined ? undefined : (counts.get(find) ?? 0);
      const others = [...counts].filter(([l]) => l !== find).map(([l, n]) => counted(n, l));
      const said = listed([...(asked ? [counted(asked, find!)] : []), ...others]);
      const found = objects.length ? `I see ${said}.` : 'I see no objects I know.';
      return {
        value: { objects, ...(find !== undefined ? { find, found: asked } : {}) },
        note: asked === 0 ? `no ${find} found${others.length ? `; ${listed(others)}` : ''}` : objects.length ? said : 'no objects found',
        words: asked === 0 ? `I see no ${find}${others.length ? `, but ${listed(others)}` : ''}.` : found,
        drawing: { boxes: objects.map((o) => ({ box: o.box, label: `${o.label} ${o.score}` })) },
      };
    }),
};

export const humanFaceAnalysis: Expert = {
  entry: ExpertEntrySchema.parse({
    ...COMMON,
    id: 'local/human-face-analysis',
    name: 'Face detection with age, gender and emotion (Human)',
    task: 'face-analysis',
    description: 'Finds faces (BlazeFace) and estimates each one\'s age and gender (FaceRes) and emotion (7 classes) on the tfjs WASM backend; boxes drawn on a copy of the image.',
    usage: "human.detect(image, { face: { enabled: true } })",
    popularity: 60,
  }),
  check,
  run: (ctx) =>
    runDetection(ctx, 'local/human-face-analysis', 'faces', (r) => {
      const faces = r.face.map((f) => ({
        box: box(f.box),
        score: Math.round(f.score * 100) / 100,
        age: f.age === undefined ? null : Math.round(f.age),
        gender: f.gender ?? null,
        genderScore: f.genderScore === undefined ? null : Math.round(f.genderScore * 100) / 100,
        emotion: f.emotion?.[0]?.emotion ?? null,
        emotions: (f.emotion ?? []).map((e) => ({ emotion: e.emotion, score: Math.round(e.score * 100) / 100 })),
      }));
      const label = (f: (typeof faces)[number]) => [f.gender, f.age !== null ? `~${f.age}` : '', f.emotion].filter(Boolean).join(', ');
      return {
        value: { faces },
        note: faces.length ? `${faces.length} face${faces.length > 1 ? 's' : ''}: ${faces.map(label).join('; ')}` : 'no faces found',
        drawing: { boxes: faces.map((f) => ({ box: f.box, label: label(f) })) },
      };
    }),
};

// MoveNet's 17 COCO keypoints, joined as a skeleton.
const SKELETON: Array<[string, string]> = [
  ['leftShoulder', 'rightShoulder'], ['leftShoulder', 'leftElbow'], ['leftElbow', 'leftWrist'], ['rightShoulder', 'rightElbow'], ['rightElbow', 'rightWrist'],
  ['leftShoulder', 'leftHip'], ['rightShoulder', 'rightHip'], ['leftHip', 'rightHip'], ['leftHip', 'leftKnee'], ['leftKnee', 'leftAnkle'], ['rightHip', 'rightKnee'], ['rightKnee', 'rightAnkle'],
  ['nose', 'leftEye'], ['nose', 'rightEye'], ['leftEye', 'leftEar'], ['rightEye', 'rightEar'],
];

/**
 * MoveNet always returns one pose; below this score (the mean of its keypoints', and each
 * keypoint's own) it is not a person. 0.3 is the threshold TensorFlow's pose-detection demos
 * use; on the fixtures a photo of coffee cups with nobody in it scores 0.26 with no keypoint
 * at 0.3, the astronaut 0.78 with 10.
 */
const MIN_POSE_SCORE = 0.3;

export const humanPoseEstimation: Expert = {
  entry: ExpertEntrySchema.parse({
    ...COMMON,
    id: 'local/human-pose-estimation',
    name: 'MoveNet pose estimation (Human)',
    task: 'keypoint-detection',
    description: 'Estimates a person\'s body pose: 17 keypoints (nose, eyes, shoulders, elbows, wrists, hips, knees, ankles) with MoveNet Lightning on the tfjs WASM backend; skeleton drawn on a copy of the image.',
    usage: "human.detect(image, { body: { enabled: true } })",
    popularity: 50,
  }),
  check,
  run: (ctx) =>
    runDetection(ctx, 'local/human-pose-estimation', 'pose', (r) => {
      const people = r.body
        .filter((b) => b.score >= MIN_POSE_SCORE)
        .map((b) => ({
          score: Math.round(b.score * 100) / 100,
          box: box(b.box),
          keypoints: b.keypoints
            .filter((k) => k.score >= MIN_POSE_SCORE)
            .map((k) => ({ part: k.part, x: round(k.position[0]), y: round(k.position[1]), score: Math.round(k.score * 100) / 100 })),
        }));
      const keypoints = people.flatMap((p) => p.keypoints);
      return {
        value: { people },
        note: people.length ? `${people.length} pose${people.length > 1 ? 's' : ''}, ${keypoints.length} keypoints` : 'no person found',
        drawing: { keypoints, edges: SKELETON },
      };
    }),
};
