import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Everyday requests to Troupe's own catalog, with the plans they should get (task types in
 * plan order; none when nothing here can serve the request). Written before the planner's
 * method changes (issue 17), and never tuned on: a third is marked `aside`, to be scored and
 * looked at only at the end of a session, so that it stays a measure of requests nobody
 * tuned for.
 */
export const EverydayRequestSchema = z.object({
  id: z.string().regex(/^[efghijklmn]\d{3}$/),
  /**
   * dev: tuned on; aside: looked at only at a session's end; fresh: written in session 10
   * before any change, looked at at its end; s11-dev and s11-aside: written in session 11
   * before any change, the aside half looked at only at its end; s12-* to s18-* likewise,
   * written at the start of sessions 12 to 18.
   */
  split: z.enum(['dev', 'aside', 'fresh', 's11-dev', 's11-aside', 's12-dev', 's12-aside', 's13-dev', 's13-aside', 's14-dev', 's14-aside', 's15-dev', 's15-aside', 's16-dev', 's16-aside', 's17-dev', 's17-aside', 's18-dev', 's18-aside']),
  request: z.string().min(1),
  /** Which kind of file goes with it: a photo, a photo of a sign, a recording of speech, a text file, a video. */
  input: z.enum(['photo', 'sign', 'recording', 'text', 'video']).nullable(),
  expect: z.array(z.string()),
  /** Parameters the first task of a type must have (a translation's target language). */
  params: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type EverydayRequest = z.infer<typeof EverydayRequestSchema>;

// From src/ and from dist/ alike: the table is data, kept in the source tree.
export const EVERYDAY_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday.jsonl', import.meta.url));

export const FRESH_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-fresh.jsonl', import.meta.url));

export const S11_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s11.jsonl', import.meta.url));

export const S12_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s12.jsonl', import.meta.url));

export const S13_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s13.jsonl', import.meta.url));

export const S14_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s14.jsonl', import.meta.url));

export const S15_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s15.jsonl', import.meta.url));

export const S16_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s16.jsonl', import.meta.url));

export const S17_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s17.jsonl', import.meta.url));

export const S18_REQUESTS_PATH = fileURLToPath(new URL('../../../src/bench/requests/everyday-s18.jsonl', import.meta.url));

export function readEverydayRequests(paths: readonly string[] = [EVERYDAY_REQUESTS_PATH, FRESH_REQUESTS_PATH, S11_REQUESTS_PATH, S12_REQUESTS_PATH, S13_REQUESTS_PATH, S14_REQUESTS_PATH, S15_REQUESTS_PATH, S16_REQUESTS_PATH, S17_REQUESTS_PATH, S18_REQUESTS_PATH]): EverydayRequest[] {
  return paths.flatMap((path) => readOne(path));
}

function readOne(path: string): EverydayRequest[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = EverydayRequestSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}
