import { ErrorCode, TroupeError } from '../core/errors.js';

/**
 * The value of the environment variable that holds a credential, or an error that names
 * the variable and who needs it. The value itself is never logged or recorded.
 */
export function requireCredential(variable: string, who: string, hint = `export ${variable}=...`): string {
  const value = process.env[variable];
  if (!value) throw new TroupeError(ErrorCode.MissingCredential, `${who} needs the environment variable ${variable}, which is not set`, { hint });
  return value;
}
