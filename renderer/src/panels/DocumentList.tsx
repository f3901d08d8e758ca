interface DocumentListItem {
  readonly path: string;
  readonly name: string;
  /** ISO timestamp shown as the item's date. */
  readonly when: string;
  readonly missing?: boolean;
}

interface DocumentListProps {
  readonly label: string;
  readonly items: readonly DocumentListItem[];
  readonly empty: string;
  readonly onOpen: (path: string) => void;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A list of documents (workspace files, recent documents) the user can open with one click. */
export function DocumentList({ label, items, empty, onOpen }: DocumentListProps) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="document-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.path}>
          <button
            type="button"
            className="document-item"
            aria-label={`Open ${item.name}`}
            disabled={item.missing}
            onClick={() => onOpen(item.path)}
          >
            <span className="document-name">{item.name}</span>
            <span className="document-meta" title={item.path}>
              {item.missing ? 'File not found' : formatDate(item.when)} · {item.path}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
