import type { RunStore } from '../runs/run-store.js';
import type { Thread } from '../runs/thread-store.js';

/** Words that say which kind of earlier result a follow-up means ("make the picture black and white"). */
const KINDS: Array<[RegExp, string[]]> = [
  [/\b(?:pictures?|photos?|images?|pics?|screenshots?)\b/i, ['image']],
  [/\b(?:recordings?|audio|sound|clips?|voice memo)\b/i, ['audio']],
  [/\b(?:texts?|transcripts?|transcription|translation|summary|words)\b/i, ['text', 'json']],
];

interface Candidate {
  path: string;
  modality: string;
  at: string;
}

/**
 * What a follow-up with no new file refers to: "translate it into Catalan", "make the
 * picture black and white", "read that aloud". The thread's results and uploads, newest
 * first; the newest of the kind the request names, else the newest of all (the last run's
 * result). The chosen file is then given to the run as an input, so that the planner wires it
 * like any file — and the run record says which one it was.
 */
/** Words by which a request points back at something it does not give. */
const POINTS_BACK = /\b(?:it|that|this|them|those|these|the (?:last|previous|same|result|results|output|answer))\b/i;

export function followUpInput(request: string, thread: Thread, store: RunStore): string | undefined {
  const named = KINDS.find(([words]) => words.test(request))?.[1];
  // A request that brings its own text ("translate 'good morning'") and names nothing earlier refers to nothing.
  if (!named && !POINTS_BACK.test(request.replace(/'[^']*'|"[^"]*"/g, ' '))) return undefined;
  const candidates: Candidate[] = thread.files.map((f) => ({ path: f.path, modality: f.modality, at: f.at }));
  for (const run of thread.runs) {
    const record = store.load(run.runId);
    if (!record) continue;
    record.tasks.forEach((task, i) => {
      if (task.status !== 'succeeded') return;
      // A later step of a run counts as newer than an earlier one of the same run.
      const at = `${task.endedAt ?? record.endedAt ?? run.at}#${String(i).padStart(4, '0')}`;
      for (const output of task.outputs) if (output.path) candidates.push({ path: output.path, modality: output.kind, at });
    });
  }
  candidates.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (named ? candidates.find((c) => named.includes(c.modality)) : candidates[0])?.path;
}
