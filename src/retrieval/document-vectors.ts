import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Vectors kept on disk at most: a catalog's documentation, not every text ever embedded. */
const MAX_KEPT = 5_000;

/**
 * The vectors of task types' documentation, kept between processes: every `troupe plan`
 * would otherwise embed the same hundred-odd descriptions and examples again before reading
 * the request. Documentation only — never a user's words or files. One file per encoder
 * model in $TROUPE_CACHE, else $XDG_CACHE_HOME/troupe (~/.cache/troupe); a cache, so a
 * missing, damaged or unwritable file only costs the embedding.
 */
export function loadDocumentVectors(model: string, env: NodeJS.ProcessEnv = process.env): Map<string, Float32Array> {
  try {
    const kept = JSON.parse(readFileSync(fileFor(model, env), 'utf8')) as { model?: string; vectors?: Record<string, string> };
    if (kept.model !== model || typeof kept.vectors !== 'object' || kept.vectors === null) return new Map();
    return new Map(Object.entries(kept.vectors).map(([text, b64]) => [text, decode(b64)]));
  } catch {
    return new Map();
  }
}

export function saveDocumentVectors(model: string, vectors: ReadonlyMap<string, Float32Array>, env: NodeJS.ProcessEnv = process.env): void {
  const file = fileFor(model, env);
  try {
    makeFolders(dirname(file));
    const kept = [...vectors].slice(-MAX_KEPT).map(([text, v]) => [text, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')]);
    // Written whole and renamed into place: two processes saving at once leave one whole file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ model, vectors: Object.fromEntries(kept) }));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written is no error: the next process embeds again.
  }
}

function fileFor(model: string, env: NodeJS.ProcessEnv): string {
  const dir = env.TROUPE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'troupe');
  return join(dir, `document-vectors-${createHash('sha256').update(model).digest('hex').slice(0, 16)}.json`);
}

function decode(b64: string): Float32Array {
  const bytes = Buffer.from(b64, 'base64');
  // A copy on its own aligned buffer: a Buffer's bytes may start at any offset of a shared pool.
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** One level at a time: Node 20's recursive mkdir loops forever on some paths (`/proc/nope`). */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let p = dir; !existsSync(p) && dirname(p) !== p; p = dirname(p)) missing.unshift(p);
  for (const p of missing) mkdirSync(p);
}
