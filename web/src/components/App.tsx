import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError, type ThreadSummary } from '../api.js';
import { Conversation } from './Conversation.js';
import { ErrorNote } from './ErrorNote.js';
import { SettingsDialog, savedController } from './Settings.js';
import { ThreadList } from './ThreadList.js';

/** The thread in the address (#/thread/<id>), so a reload or a shared link opens it again. */
const threadInHash = () => /^#\/thread\/([\w-]+)$/.exec(location.hash)?.[1];

export function App() {
  const [threads, setThreads] = useState<ThreadSummary[]>([]);
  const [threadId, setThreadId] = useState<string | undefined>(threadInHash());
  const [error, setError] = useState<ApiError>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [controller, setController] = useState(savedController());
  const [drawerOpen, setDrawerOpen] = useState(false);

  const refresh = useCallback(() => api.threads().then(setThreads, setError), []);
  useEffect(() => {
    void refresh();
    const onHash = () => setThreadId(threadInHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [refresh]);

  const open = (id: string) => {
    location.hash = `#/thread/${id}`;
    setDrawerOpen(false);
  };
  const startThread = async () => {
    try {
      open((await api.newThread()).threadId);
      await refresh();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <div class={`layout${drawerOpen ? ' drawer-open' : ''}`}>
      <header class="bar">
        <button type="button" class="only-narrow" aria-expanded={drawerOpen} aria-controls="threads" onClick={() => setDrawerOpen(!drawerOpen)}>
          Threads
        </button>
        <h1>Troupe</h1>
        <button type="button" onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
      </header>
      <nav id="threads" class="threads" aria-label="Threads">
        <button type="button" class="primary" onClick={() => void startThread()}>
          New thread
        </button>
        <ThreadList threads={threads} current={threadId} onOpen={open} />
      </nav>
      <main class="main">
        {error ? <ErrorNote error={error} onDismiss={() => setError(undefined)} /> : null}
        {threadId ? (
          <Conversation key={threadId} threadId={threadId} controller={controller} onChanged={refresh} />
        ) : (
          <section class="welcome">
            <h2>Ask Troupe</h2>
            <p>Troupe plans your request into steps, picks an expert model for each, runs them and answers. Drop a photo, a recording or a text file, and say what you want done with it.</p>
            <button type="button" class="primary" onClick={() => void startThread()}>
              Start a thread
            </button>
          </section>
        )}
      </main>
      <SettingsDialog
        open={settingsOpen}
        controller={controller}
        onController={setController}
        onClose={() => {
          setSettingsOpen(false);
          void refresh();
        }}
      />
    </div>
  );
}
