import type { ApiError } from '../api.js';

/** An error in words, with what to do about it; announced to screen readers. */
export function ErrorNote({ error, onDismiss }: { error: Pick<ApiError, 'message' | 'hint' | 'code'>; onDismiss?: () => void }) {
  return (
    <div class="error" role="alert">
      <p>
        <strong>{error.message}</strong>
        {error.hint ? <> {error.hint}</> : null}
      </p>
      <p class="error-code">{error.code}</p>
      {onDismiss ? (
        <button type="button" class="quiet" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
