import { ErrorCode, TroupeError } from '../../core/errors.js';

/**
 * The tempo factor of a speed change, from the operation's direction and the factor the request
 * gave: "faster" is above 1 and "slower" below whatever number was said ("two times slower" is
 * ×0.5), so that a slowed-down recording is never sped up; "speed" takes the factor as given.
 */
export function speedFactor(operation: string, given: unknown, fallback: number, expert: string): number {
  const factor = given === undefined ? undefined : Number(given);
  if (factor !== undefined && !(factor > 0)) throw new TroupeError(ErrorCode.InvalidPlan, `${expert}: the speed factor must be a positive number, not ${String(given)}`);
  if (operation === 'slower') return factor === undefined ? 1 / fallback : Math.min(factor, 1 / factor);
  if (operation === 'faster') return factor === undefined ? fallback : Math.max(factor, 1 / factor);
  return factor ?? fallback;
}
