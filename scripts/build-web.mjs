// Builds the web page into dist/web: the TypeScript bundled with everything it imports (Preact,
// dagre, eventsource-parser) by esbuild, and the HTML and CSS beside it. Nothing comes from a
// CDN at run time. `npm run build` (which `npm ci` runs) calls this; tests may build elsewhere.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildWeb(outDir = join(root, 'dist', 'web')) {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'web', 'src', 'main.tsx')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(join(root, 'web', 'index.html'), join(outDir, 'index.html'));
  await copyFile(join(root, 'web', 'style.css'), join(outDir, 'app.css'));
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb(process.argv[2]);
