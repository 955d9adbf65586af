/**
 * One error class with a stable string code, so callers (CLI exit codes, run records,
 * tests) branch on `code` rather than on message text. `hint` says what to do next.
 */
export const ErrorCode = {
  BadUsage: 'BAD_USAGE',
  InputNotFound: 'INPUT_NOT_FOUND',
  InputUnreadable: 'INPUT_UNREADABLE',
  InputEmpty: 'INPUT_EMPTY',
  InputCorrupt: 'INPUT_CORRUPT',
  UnsupportedFormat: 'UNSUPPORTED_FORMAT',
  /** --out names a folder that cannot hold a run: a file, not writable, not empty, or in use by another run. */
  OutputUnusable: 'OUTPUT_UNUSABLE',
  /** The request itself is unusable (too long). */
  RequestTooLong: 'REQUEST_TOO_LONG',
  NoPlan: 'NO_PLAN',
  InvalidPlan: 'INVALID_PLAN',
  NoExpert: 'NO_EXPERT',
  ExpertFailed: 'EXPERT_FAILED',
  /** An expert threw something that is not a TroupeError: a bug or a crash, not a reported failure. */
  ExpertCrashed: 'EXPERT_CRASHED',
  ExpertTimeout: 'EXPERT_TIMEOUT',
  /**
   * The expert ran and found nothing of what was asked (no text in a photo): a true answer,
   * not a failure of the program, so no other expert is tried in its place.
   */
  NothingFound: 'NOTHING_FOUND',
  /** A task not run because a task it needs did not succeed. */
  Skipped: 'SKIPPED',
  Cancelled: 'CANCELLED',
  UnsupportedLanguage: 'UNSUPPORTED_LANGUAGE',
  MissingCredential: 'MISSING_CREDENTIAL',
  UnknownLlmProvider: 'UNKNOWN_LLM_PROVIDER',
  /** A state-changing remote operation that was not approved (--yes): the task is skipped. */
  NeedsApproval: 'NEEDS_APPROVAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class TroupeError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** A transient failure is worth retrying with the same expert. */
  readonly transient: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; transient?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TroupeError';
    this.code = code;
    this.hint = options.hint;
    this.transient = options.transient ?? false;
  }

  static is(error: unknown, code?: ErrorCode): error is TroupeError {
    return error instanceof TroupeError && (code === undefined || error.code === code);
  }
}

/** A remote endpoint answered with an error status: the status and the endpoint are fields, for callers and records. */
export class HttpError extends TroupeError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    /** The endpoint as the person knows it (an expert's name, a URL). */
    readonly endpoint: string,
    options: { hint?: string; transient?: boolean } = {},
  ) {
    super(code, message, options);
    this.name = 'HttpError';
  }
}

/** Bad input or bad usage: the CLI exits 2 for these, 1 for everything else. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.BadUsage,
  ErrorCode.InputNotFound,
  ErrorCode.InputUnreadable,
  ErrorCode.InputEmpty,
  ErrorCode.InputCorrupt,
  ErrorCode.UnsupportedFormat,
  ErrorCode.OutputUnusable,
  ErrorCode.RequestTooLong,
  ErrorCode.NoPlan,
  ErrorCode.InvalidPlan,
  ErrorCode.MissingCredential,
  ErrorCode.UnknownLlmProvider,
]);

export function isUsageError(error: unknown): boolean {
  return error instanceof TroupeError && USAGE_CODES.has(error.code);
}

export function describeError(error: unknown): string {
  if (error instanceof TroupeError) return error.hint ? `${error.message}\n  → ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
