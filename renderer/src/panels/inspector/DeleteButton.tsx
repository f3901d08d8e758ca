import { deleteSelection } from '../../store/commands.ts';

/** Deletes the selection, as the Delete key does. */
export function DeleteButton({ label }: { readonly label: string }) {
  return (
    <button
      type="button"
      className="danger"
      aria-label={label}
      title={`${label} (Delete)`}
      onClick={deleteSelection}
    >
      Delete
    </button>
  );
}
