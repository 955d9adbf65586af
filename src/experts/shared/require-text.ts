import { ErrorCode, TroupeError } from '../../core/errors.js';
import { artifactWords, type Artifact } from '../../core/artifact.js';
import { readFile } from 'node:fs/promises';

/** The text of a text input, read from its file when only a path is known; empty text is an error. */
export async function requireText(input: Artifact | undefined, expert: string, maxChars = 200_000): Promise<string> {
  if (!input) throw new TroupeError(ErrorCode.InvalidPlan, `${expert}: no text input was given`);
  // A structured result is read in its plain words ("2 cups and a dining table"), not as JSON.
  let text = artifactWords(input);
  if (text === undefined && input.path) text = await readFile(input.path, 'utf8');
  text = (text ?? '').trim();
  if (!text) {
    throw new TroupeError(ErrorCode.InputEmpty, `${expert}: the text to work on is empty`, {
      hint: 'give the text in quotes in the request, or a non-empty .txt file with --input',
    });
  }
  if (text.length > maxChars) {
    throw new TroupeError(ErrorCode.InputCorrupt, `${expert}: the text is ${text.length} characters, more than the ${maxChars} this expert accepts`, {
      hint: 'split the text into smaller parts',
    });
  }
  return text;
}
