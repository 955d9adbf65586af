/** Python's s[a:b] for the indices Gorilla's extraction uses (b may be negative). */
function pySlice(s: string, a: number, b: number): string {
  const norm = (i: number) => (i < 0 ? Math.max(0, s.length + i) : Math.min(i, s.length));
  return s.slice(norm(a), norm(b));
}

/**
 * The api_call of a response in Gorilla's format ("<<<api_call>>>: ... <<<api_provider>>>"),
 * cut exactly as Gorilla's scorer cuts it: from two characters past the first ":" after
 * "api_call" to the last ")" before "api_provider". A response without "api_call" is taken
 * whole (Hugging Face, TensorFlow Hub) or is unparseable (TorchHub: undefined).
 */
export function extractApiCall(text: string, wholeIfMissing: boolean): string | undefined {
  const parts = text.split('api_call');
  if (parts.length === 1) return wholeIfMissing ? text : undefined;
  const out = parts[1]!.split('api_provider')[0]!;
  const start = out.includes(':') ? out.indexOf(':') : 0;
  const end = out.includes(')') ? out.lastIndexOf(')') : -2;
  return pySlice(out, start + 2, end + 1);
}
