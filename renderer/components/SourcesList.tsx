// Where a rule comes from: each source by title, linked when it has a web address.
import type { ProfileSource } from '../../main/common/api';

export function SourcesList({ sources }: { sources: readonly ProfileSource[] }) {
  if (!sources.length) return null;
  return (
    <ul className="plain-list small">
      {sources.map((s) => (
        <li key={s.url + s.title}>
          {/^https?:\/\//.test(s.url) ? (
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.title}
            </a>
          ) : (
            s.title
          )}
        </li>
      ))}
    </ul>
  );
}
