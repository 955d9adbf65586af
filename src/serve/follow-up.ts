import type { RunRecord } from '../respond/run-record.js';
import type { ThreadFile, ThreadRun } from '../runs/thread-store.js';

/** A thread's earlier runs with their records, read once per request from the run store. */
export type EarlierRun = { run: ThreadRun; record: RunRecord };

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

/** Words by which a request points back at something it does not give. */
const POINTS_BACK = /\b(?:it|that|this|them|those|these|the (?:last|previous|same|result|results|output|answer))\b/i;

/**
 * What a follow-up with no new file refers to: "translate it into Catalan", "make the
 * picture black and white", "read that aloud". The thread's results and uploads, newest
 * first; the newest of the kind the request names, else the newest of all (the last run's
 * result). The chosen file is then given to the run as an input, so that the planner wires it
 * like any file — and the run record says which one it was.
 */
export function followUpInput(request: string, files: readonly ThreadFile[], earlier: readonly EarlierRun[]): string | undefined {
  const named = KINDS.find(([words]) => words.test(request))?.[1];
  // A request that brings its own text ("translate 'good morning'") and names nothing earlier refers to nothing.
  const place = ORDINAL.exec(request);
  if (!named && !place && !POINTS_BACK.test(request.replace(/'[^']*'|"[^"]*"/g, ' '))) return undefined;
  // "the second result": the second run's result, counted from the start of the conversation.
  if (place && /^(?:result|answer|output)/i.test(place[2]!)) {
    const finals = earlier.flatMap(({ record }) => {
      const path = record.tasks.filter((t) => t.status === 'succeeded').at(-1)?.outputs.find((o) => o.path)?.path;
      return path ? [path] : [];
    });
    return finals[ordinal(place[1]!) - 1];
  }
  const candidates: Candidate[] = files.map((f) => ({ path: f.path, modality: f.modality, at: f.at }));
  for (const { run, record } of earlier) {
    record.tasks.forEach((task, i) => {
      if (task.status !== 'succeeded') return;
      // A later step of a run counts as newer than an earlier one of the same run.
      const at = `${task.endedAt ?? record.endedAt ?? run.at}#${String(i).padStart(4, '0')}`;
      for (const output of task.outputs) if (output.path) candidates.push({ path: output.path, modality: output.kind, at });
    });
  }
  candidates.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const ofKind = named ? candidates.filter((c) => named.includes(c.modality)) : candidates;
  // "the first picture": counted from the start of the conversation, uploads included.
  if (place) return [...ofKind].reverse()[ordinal(place[1]!) - 1]?.path;
  return ofKind[0]?.path;
}

const ordinal = (word: string) => ORDINALS.indexOf(word.toLowerCase()) + 1 || Number.parseInt(word, 10);

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ORDINAL = new RegExp(`\\bthe (${ORDINALS.join('|')}|\\d+(?:st|nd|rd|th)) (result|answer|output|file|picture|photo|image|recording|text|translation|summary|transcript)s?\\b`, 'i');

/**
 * "Do the same with this photo": the request of the thread's last run that worked on a file of
 * the new file's kind (the last thing done to a photo), to be run on the new file.
 */
export function sameAsBefore(request: string, earlier: readonly EarlierRun[], modalities: ReadonlySet<string>): string | undefined {
  if (!/\b(?:the same|likewise|same thing)\b/i.test(request)) return undefined;
  return [...earlier].reverse().find(({ record }) => record.status === 'succeeded' && record.inputs.some((i) => modalities.has(i.modality)))?.run.request;
}
