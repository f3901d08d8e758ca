import { useEditor } from '../store/index.ts';

/** The one place messages for the user appear: a refused edit, a failed write, a file that would not open. */
export function ErrorBanner() {
  const error = useEditor((s) => s.error);
  const dismiss = useEditor((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span className="error-text">{error}</span>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
