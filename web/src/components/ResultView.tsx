import { shown } from '../results.js';
import type { TaskView } from '../run-view.js';

/** One output where it appears: a picture, a player, the text, or a table of a structured result. */
export function ResultView({ output, label }: { output: TaskView['outputs'][number]; label: string }) {
  const s = shown(output);
  if (!s) return null;
  switch (s.as) {
    case 'image':
      return <img class="result-image" src={s.url} alt={`${label}: the image it made`} />;
    case 'audio':
      return <audio class="result-audio" controls src={s.url} aria-label={`${label}: the sound it made`} />;
    case 'video':
      return <video class="result-video" controls src={s.url} aria-label={`${label}: the video it made`} />;
    case 'text':
      return <pre class="result-text">{s.text}</pre>;
    case 'table':
      return (
        <div class="table-wrap">
          <table>
            <caption>{s.caption ? `${label}: ${s.caption}` : label}</caption>
            <thead>
              <tr>
                {s.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((v, j) => (
                    <td key={j}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'file':
      return (
        <a href={s.url} download>
          {label}: download
        </a>
      );
  }
}
