import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, saveToken, savedToken, type Settings } from '../api.js';
import { ErrorNote } from './ErrorNote.js';

const CONTROLLER_KEY = 'troupe.controller';
export const savedController = () => localStorage.getItem(CONTROLLER_KEY) ?? '';

/** Which controller plans (the server's default, the built-in one, an LLM), the server's token, and what `doctor` says. */
export function SettingsDialog({ open, controller, onController, onClose }: { open: boolean; controller: string; onController: (name: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<ApiError>();
  const [token, setToken] = useState(savedToken());

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      setError(undefined);
      api.settings().then(setSettings, setError);
    } else if (!open && d.open) d.close();
  }, [open]);

  const choose = (name: string) => {
    localStorage.setItem(CONTROLLER_KEY, name);
    onController(name);
  };
  const runnable = settings?.doctor.filter((r) => r.runnable).length ?? 0;

  return (
    <dialog ref={dialog} class="settings" aria-labelledby="settings-title" onClose={onClose}>
      <h2 id="settings-title">Settings</h2>
      {error ? <ErrorNote error={error} /> : null}
      <label for="controller">Controller (plans each request and writes the answer)</label>
      <select id="controller" value={controller} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
        <option value="">the server's default{settings ? ` (${settings.controllers[0]})` : ''}</option>
        {(settings?.controllers ?? []).map((name) => (
          <option key={name} value={name}>
            {name === 'builtin' ? 'built-in (no LLM, offline)' : name}
          </option>
        ))}
      </select>
      <p class="muted">An LLM is offered when the server was started with --llm or TROUPE_LLM.</p>
      <label for="token">Server token (only if the server was started with TROUPE_SERVER_TOKEN)</label>
      <input id="token" type="password" autocomplete="off" value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} onChange={() => saveToken(token)} />
      <h3>Experts here</h3>
      {settings ? (
        <>
          <p>
            {runnable} of {settings.doctor.length} experts can run here.
          </p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">What troupe doctor says of each expert</caption>
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Expert</th>
                  <th scope="col">Runs here</th>
                </tr>
              </thead>
              <tbody>
                {settings.doctor.map((r) => (
                  <tr key={r.id}>
                    <td>{r.task}</td>
                    <td>{r.id}</td>
                    <td>{r.runnable ? 'yes' : `no — ${r.reason ?? ''}${r.fix ? ` (fix: ${r.fix})` : ''}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p class="muted" role="status">
          Checking the experts…
        </p>
      )}
      <form method="dialog">
        <button type="submit" class="primary" onClick={() => saveToken(token)}>
          Done
        </button>
      </form>
    </dialog>
  );
}
