import { createParser } from 'eventsource-parser';
import type { RunEvent } from '../../src/execute/events.js';
import { authHeaders } from './api.js';

/** What a run's stream carries: its events, and at the end an error when it could not run at all. */
export type StreamEvent = RunEvent | { type: 'run-error'; error: { code: string; message: string; hint?: string } };

/**
 * Follows a run's server-sent events with fetch (so the token can go in a header, which
 * EventSource cannot send). A dropped connection is taken up again with Last-Event-ID, so
 * nothing is missed or seen twice; the stream's end is the run's end.
 */
export function followRunEvents(streamUrl: string, onEvent: (event: StreamEvent) => void, onEnd: () => void): () => void {
  const abort = new AbortController();
  let lastId = '';
  void (async () => {
    for (let attempt = 0; !abort.signal.aborted; attempt++) {
      try {
        const response = await fetch(streamUrl, { headers: { ...authHeaders(), ...(lastId ? { 'last-event-id': lastId } : {}) }, signal: abort.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        const parser = createParser({
          onEvent: (message) => {
            if (message.id) lastId = message.id;
            onEvent(JSON.parse(message.data) as StreamEvent);
          },
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
        return onEnd();
      } catch {
        if (abort.signal.aborted) return;
        // The server restarting or the network dropping: try again, a little later each time.
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  })();
  return () => abort.abort();
}
