// Runs in the page. What the user should know about: link settings that were repaired, failures, a stream
// that arrived incomplete. Errors are announced assertively, the rest politely.
import type { NoticeItem } from './messages';

export function Notice({ items }: { items: readonly NoticeItem[] }) {
  const errors = items.filter((i) => i.kind === 'error');
  const others = items.filter((i) => i.kind !== 'error');
  return (
    <section className="notice" data-testid="notice" aria-label="Notices" hidden={items.length === 0}>
      <ul role="alert">
        {errors.map((item, i) => (
          <li key={`e${i}`} className="notice-error" data-kind="error">
            {item.text}
          </li>
        ))}
      </ul>
      <ul role="status">
        {others.map((item, i) => (
          <li key={`o${i}`} className={`notice-${item.kind}`} data-kind={item.kind}>
            {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
