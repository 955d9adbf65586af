import type { ExpertContext } from '../../core/expert.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';

/**
 * Refuses an operation that may change state unless the person approved it (--yes, or y at
 * the terminal's question); the scheduler then records the task as skipped, with the reason.
 */
export function requireApproval(ctx: ExpertContext, what: string): void {
  if (!ctx.approved) throw new TroupeError(ErrorCode.NeedsApproval, `${what} may change state; it was not approved`, { hint: 'run again with --yes to allow it, or answer y when a terminal asks' });
}
