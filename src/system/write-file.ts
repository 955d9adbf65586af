import { constants } from 'node:fs';
import { writeFile } from 'node:fs/promises';

const NO_FOLLOW = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;

/**
 * writeFile that refuses to write through a symbolic link at `path` (ELOOP), so a link
 * planted in an output folder cannot redirect a result onto a file elsewhere.
 */
export function writeFileNoFollow(path: string, data: string | Uint8Array): Promise<void> {
  return writeFile(path, data, { flag: NO_FOLLOW });
}
