/**
 * Words that name a kind of thing (image, photo, audio, video; "visual" is how people say
 * image). In a request they name what the user has, so they say which tools can take it, not
 * which one is meant; a tool name that repeats one ("Image-to-Image") or a description that
 * does would otherwise win every clause that mentions a photo. The planner therefore takes
 * them out of names and descriptions and matches the kinds a type takes and gives once each,
 * through its signature. TaskBench dev, by the signature's weight: names and descriptions
 * as they are 55.12 / edge 19.29; kind words out of them, weight 1 54.14 / 18.48, 3 55.26 /
 * 20.03, 6 55.79 / 20.10, 12 55.93 / 19.24.
 */
const KIND_WORDS = /\b(?:images?|pictures?|photos?|audios?|videos?|visual\w*)\b/gi;

export function kindless(text: string): string {
  return text.replace(KIND_WORDS, ' ');
}

/**
 * Names of kinds of thing in two words, read as the one word for the kind: a "voice memo" is a
 * recording, and its "voice" names no voice activity to detect.
 */
const KIND_PHRASES = /\bvoice\s*(?:notes?|memos?|messages?|mails?|recordings?)\b/gi;

export function plainKinds(text: string): string {
  return text.replace(KIND_PHRASES, 'recording');
}
