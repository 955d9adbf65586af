import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { ErrorNote } from './ErrorNote.js';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`);

/**
 * The request and its files: typed, picked or dropped anywhere on the page. Enter sends,
 * Shift+Enter starts a new line. A refused request keeps its words and files, with the
 * server's reason and what to do.
 */
export function Composer({ onAsk, busy, followUp }: { onAsk: (request: string, files: File[]) => Promise<void>; busy: boolean; followUp: boolean }) {
  const [request, setRequest] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const previews = useRef(new Map<File, string>());

  const add = (list: FileList | null | undefined) => {
    if (list?.length) setFiles((now) => [...now, ...Array.from(list)]);
  };
  const preview = (f: File) => {
    let url = previews.current.get(f);
    if (!url) previews.current.set(f, (url = URL.createObjectURL(f)));
    return url;
  };

  // Files dropped anywhere on the page join the request.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => e.relatedTarget === null && setDragging(false);
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      add(e.dataTransfer.files);
    };
    addEventListener('dragover', over);
    addEventListener('dragleave', leave);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragover', over);
      removeEventListener('dragleave', leave);
      removeEventListener('drop', drop);
      for (const url of previews.current.values()) URL.revokeObjectURL(url);
    };
  }, []);

  const send = async () => {
    if (!request.trim() || sending) return;
    setSending(true);
    setError(undefined);
    try {
      await onAsk(request.trim(), files);
      setRequest('');
      setFiles([]);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      class={`composer${dragging ? ' dragging' : ''}`}
      aria-label="Ask"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {dragging ? <p class="drop-hint">Drop the files to add them</p> : null}
      {error ? <ErrorNote error={error} onDismiss={() => setError(undefined)} /> : null}
      {files.length ? (
        <ul class="attachments" aria-label="Files to send">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.type.startsWith('image/') ? <img src={preview(f)} alt="" /> : f.type.startsWith('audio/') ? <audio controls src={preview(f)} aria-label={f.name} /> : null}
              <span>
                {f.name} <span class="muted">({size(f.size)})</span>
              </span>
              <button type="button" class="quiet" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label for="request" class="visually-hidden">
        Your request
      </label>
      <textarea
        id="request"
        rows={2}
        value={request}
        placeholder={followUp ? 'Ask a follow-up (“now read it aloud”), or attach a new file…' : 'What should Troupe do? Attach a photo, a recording or a text…'}
        onInput={(e) => setRequest((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div class="composer-actions">
        <input ref={picker} id="files" type="file" multiple class="visually-hidden" onChange={(e) => add((e.target as HTMLInputElement).files)} />
        <button type="button" onClick={() => picker.current?.click()}>
          Attach files
        </button>
        <span class="muted only-wide">{busy ? 'A run is in progress; you can still ask.' : 'or drop files anywhere'}</span>
        <button type="submit" class="primary" disabled={sending || !request.trim()}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
