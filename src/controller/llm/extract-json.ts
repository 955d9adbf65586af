/**
 * Pulls a JSON value out of what a model wrote: inside a markdown fence, after or before
 * prose, with single quotes or trailing commas. Returns undefined when nothing parses.
 */
export function extractJson(text: string): unknown {
  const candidates: string[] = [];
  const fence = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/g;
  for (const m of text.matchAll(fence)) candidates.push(m[1]!);
  candidates.push(text);
  for (const candidate of candidates) {
    for (const slice of balancedSlices(candidate)) {
      for (const variant of [slice, relax(slice)]) {
        try {
          return JSON.parse(variant);
        } catch {
          // try the next reading
        }
      }
    }
  }
  return undefined;
}

/**
 * Characters the search for balanced spans may read in all, as a multiple of the text's
 * length: an opening bracket that is never closed costs a scan to the end, and a reply with
 * thousands of them before a long plan would otherwise take seconds (found by the plan fuzz test).
 */
const SCAN_BUDGET_FACTOR = 32;

/** The outermost balanced [...] or {...} spans, longest first. */
function balancedSlices(text: string): string[] {
  const out: string[] = [];
  let budget = SCAN_BUDGET_FACTOR * text.length + 4096;
  for (let start = 0; start < text.length && budget > 0; start++) {
    const open = text[start];
    if (open !== '[' && open !== '{') continue;
    let depth = 0;
    let quote: string | null = null;
    for (let i = start; i < text.length && budget-- > 0; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        depth--;
        if (depth === 0) {
          out.push(text.slice(start, i + 1));
          start = i;
          break;
        }
      }
    }
  }
  return out.sort((a, b) => b.length - a.length);
}

/** Single-quoted strings to double-quoted, trailing commas removed. */
function relax(text: string): string {
  return text
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, body: string) => JSON.stringify(body.replace(/\\'/g, "'")))
    .replace(/,\s*([\]}])/g, '$1');
}
