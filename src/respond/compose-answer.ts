import { relative } from 'node:path';
import { artifactText } from '../core/artifact.js';
import type { TaskRecord } from '../execute/task-record.js';
import type { RunRecord } from './run-record.js';

const QUOTE_LIMIT = 400;
/** The request is repeated only as a reminder; a long quoted text is in run.json in full. */
const REQUEST_LIMIT = 160;

function quote(text: string, limit = QUOTE_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > limit ? `${flat.slice(0, limit)}…` : flat}"`;
}

const shown = (path: string) => relative(process.cwd(), path) || path;

/** A task's result in words: text is quoted; JSON, images and audio are summed up by the expert's note. */
function result(task: TaskRecord): string {
  const out = task.outputs[0];
  if (!out) return task.note ?? '';
  const text = out.kind === 'text' ? artifactText(out) : undefined;
  return text !== undefined ? quote(text) : (task.note ?? `${out.kind} result`);
}

function files(task: TaskRecord): string {
  const paths = task.outputs.flatMap((o) => (o.path ? [shown(o.path)] : []));
  return paths.length ? ` [${paths.join(', ')}]` : '';
}

/**
 * The built-in controller's answer: what was asked, each step with the expert that did
 * it and its result (text quoted, other results summarised, files named), then what
 * failed and why, then the final result.
 */
export function composeAnswer(record: RunRecord): string {
  const lines: string[] = [];
  const ok = record.tasks.filter((t) => t.status === 'succeeded');
  const n = record.tasks.length;
  const asked = quote(record.request, REQUEST_LIMIT);
  lines.push(ok.length === n ? `Done: ${n} step${n > 1 ? 's' : ''} for ${asked}.` : `Finished ${ok.length} of ${n} steps for ${asked}.`);
  record.tasks.forEach((t, i) => {
    const head = `${i + 1}. ${t.task} (${t.id})`;
    if (t.status === 'succeeded') {
      const detail = t.outputs[0]?.kind === 'text' && t.note ? ` — ${t.note}` : '';
      lines.push(`${head} by ${t.expert}${detail}: ${result(t)}${files(t)}`);
    } else {
      const why = t.error?.message || (t.status === 'cancelled' ? 'the run was cancelled before this step finished' : 'no reason was recorded');
      lines.push(`${head} ${t.status}${t.expert ? ` (${t.expert})` : ''}: ${why}${t.error?.hint ? ` → ${t.error.hint}` : ''}`);
    }
  });
  const last = ok.at(-1);
  if (last) lines.push(`Result: ${result(last)}${files(last)}`);
  lines.push(`Everything is in ${shown(record.outDir)}/ (run.json has the full record).`);
  return lines.join('\n');
}
