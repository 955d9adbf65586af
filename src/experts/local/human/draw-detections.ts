import { loadSharp, MAX_PIXELS } from '../prepare-image.js';

export interface Box {
  box: [number, number, number, number];
  label: string;
}

export interface Keypoint {
  x: number;
  y: number;
  part: string;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45'];

/**
 * Draws boxes with their labels, and keypoints joined by `edges`, over the image (an SVG
 * overlay composited by sharp) and writes a PNG.
 */
export async function drawDetections(
  imagePath: string,
  size: { width: number; height: number },
  out: string,
  drawing: { boxes?: Box[]; keypoints?: Keypoint[]; edges?: Array<[string, string]> },
): Promise<void> {
  const stroke = Math.max(2, Math.round(Math.min(size.width, size.height) / 200));
  const font = Math.max(12, Math.round(Math.min(size.width, size.height) / 30));
  const parts: string[] = [];
  (drawing.boxes ?? []).forEach(({ box: [x, y, w, h], label }, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const ty = y > font + 4 ? y - 4 : y + font + 2;
    parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="${colour}" stroke-width="${stroke}"/>`,
      `<text x="${x + 2}" y="${ty}" font-family="DejaVu Sans, sans-serif" font-size="${font}" fill="${colour}" stroke="#000" stroke-width="0.6">${escape(label)}</text>`,
    );
  });
  const at = new Map((drawing.keypoints ?? []).map((k) => [k.part, k]));
  for (const [a, b] of drawing.edges ?? []) {
    const p = at.get(a);
    const q = at.get(b);
    if (p && q) parts.push(`<line x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}" stroke="#42d4f4" stroke-width="${stroke}"/>`);
  }
  for (const k of drawing.keypoints ?? []) parts.push(`<circle cx="${k.x}" cy="${k.y}" r="${stroke * 2}" fill="#f58231"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">${parts.join('')}</svg>`;
  const sharp = await loadSharp();
  await sharp(imagePath, { limitInputPixels: MAX_PIXELS }).rotate().composite([{ input: Buffer.from(svg), top: 0, left: 0 }]).png().toFile(out);
}
