// Renders examples/sign.png: an English notice drawn with sharp (librsvg + the system's
// DejaVu fonts). The PNG is committed so a fresh clone needs no fonts; rerun this script
// to regenerate it: `npm run make-example`.
import sharp from 'sharp';
import { mkdir } from 'node:fs/promises';

const lines = ['The library is closed on Sunday.', 'The garden is closed for repairs.'];
const width = 900;
const height = 340;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#d9d4c7"/>
  <rect x="40" y="40" width="${width - 80}" height="${height - 80}" rx="18" fill="#1f5f3a" stroke="#f3f1ea" stroke-width="8"/>
  ${lines
    .map((l, i) => `<text x="${width / 2}" y="${150 + i * 80}" font-family="DejaVu Sans" font-weight="bold" font-size="44" fill="#f7f5ee" text-anchor="middle">${l}</text>`)
    .join('\n  ')}
</svg>`;

await mkdir('examples', { recursive: true });
await sharp(Buffer.from(svg)).png().toFile('examples/sign.png');
console.log('wrote examples/sign.png');
