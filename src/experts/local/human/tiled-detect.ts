import type { Human } from '@vladmandic/human';
import { detect, type DetectWhat } from './load-human.js';

type Rgb = { data: Buffer; width: number; height: number };
type Result = Awaited<ReturnType<typeof detect>>;
type Box = [number, number, number, number];

/** A side at most this many times the other is taken whole; a wider image is read in square tiles. */
const MAX_ASPECT = 1.5;
/** Tiles overlap by a quarter, so that a face or an object on a tile's edge is whole in the next. */
const OVERLAP = 0.25;
/** Two boxes of one label overlapping this much (intersection over the smaller) are one thing seen twice. */
const SAME_THING = 0.5;

function crop(rgb: Rgb, x: number, y: number, w: number, h: number): Rgb {
  const data = Buffer.alloc(w * h * 3);
  for (let row = 0; row < h; row++) rgb.data.copy(data, row * w * 3, ((y + row) * rgb.width + x) * 3, ((y + row) * rgb.width + x + w) * 3);
  return { data, width: w, height: h };
}

const overlap = (a: Box, b: Box) => {
  const w = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  return (w * h) / Math.max(1, Math.min(a[2] * a[3], b[2] * b[3]));
};

/** Square tiles' origins along one side: evenly spread, overlapping, the last flush with the edge. */
function origins(length: number, side: number): number[] {
  if (length <= side) return [0];
  const count = Math.ceil((length - side) / (side * (1 - OVERLAP))) + 1;
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - side)) / (count - 1)));
}

/**
 * Faces and objects in a wide or tall image. The detectors scale their input to a small square,
 * so three people side by side on a 1536×512 photo become faces too small to find (one of
 * three was found). Such an image is read in overlapping square tiles; boxes are moved back to
 * the whole image, and a thing seen in two tiles is kept once, with its better score.
 */
export async function detectTiled(human: Human, rgb: Rgb, what: Extract<DetectWhat, 'faces' | 'objects'>): Promise<Result> {
  const long = Math.max(rgb.width, rgb.height);
  const short = Math.min(rgb.width, rgb.height);
  if (long <= short * MAX_ASPECT) return detect(human, rgb, what);
  const xs = origins(rgb.width, short);
  const ys = origins(rgb.height, short);
  let merged: Result | undefined;
  const faces: Result['face'] = [];
  const objects: Result['object'] = [];
  for (const y of ys) {
    for (const x of xs) {
      const result = await detect(human, crop(rgb, x, y, short, short), what);
      merged ??= result;
      const shift = (b: Box): Box => [b[0] + x, b[1] + y, b[2], b[3]];
      for (const f of result.face) keep(faces, { ...f, box: shift(f.box as Box) }, (a) => a.score);
      for (const o of result.object) keep(objects, { ...o, box: shift(o.box as Box) }, (a) => a.score, (a, b) => a.label === b.label);
    }
  }
  return { ...merged!, face: faces, object: objects };
}

/** Adds a detection unless the same thing is there already; the better-scored one stays. */
function keep<T extends { box: Box | number[] }>(list: T[], item: T, score: (t: T) => number, same: (a: T, b: T) => boolean = () => true): void {
  const twin = list.findIndex((other) => same(other, item) && overlap(other.box as Box, item.box as Box) >= SAME_THING);
  if (twin < 0) list.push(item);
  else if (score(item) > score(list[twin]!)) list[twin] = item;
}
