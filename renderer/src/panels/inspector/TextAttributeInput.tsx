import { useState } from 'react';
import { formatAttrValue, parseAttrText } from './attributeValues.ts';
import type { AttributeControlProps } from './controlTypes.ts';

/**
 * A number, integer or text attribute. Enter or leaving the field commits, Escape goes back to the stored
 * value. A value the catalog refuses stays in the field, marked invalid with the reason under it, and is
 * not sent.
 */
export function TextAttributeInput({ spec, value, inputId, describedBy, onCommit }: AttributeControlProps) {
  const stored = formatAttrValue(value);
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  // When the stored value changes (undo, redo, a connection changing kind) the draft follows it.
  // Done while rendering rather than by remounting, so a field committed with Enter keeps the focus.
  const [shownFor, setShownFor] = useState(stored);
  if (shownFor !== stored) {
    setShownFor(stored);
    setDraft(stored);
    setError(null);
  }

  const commit = () => {
    const parsed = parseAttrText(spec, draft);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setDraft(formatAttrValue(parsed.value));
    onCommit(spec, parsed.value);
  };

  const numeric = spec.type === 'number' || spec.type === 'integer';
  const errorId = `${inputId}-error`;
  return (
    <div className="attr-text">
      <div className="attr-line">
        <input
          id={inputId}
          type="text"
          inputMode={spec.type === 'number' ? 'decimal' : spec.type === 'integer' ? 'numeric' : 'text'}
          className={numeric ? 'attr-number' : undefined}
          spellCheck={numeric ? false : undefined}
          autoComplete="off"
          placeholder={spec.optional ? 'unknown' : undefined}
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={error ? `${errorId} ${describedBy}` : describedBy}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              // Only the draft is dropped; Escape does not also clear the canvas selection.
              e.preventDefault();
              e.stopPropagation();
              setDraft(stored);
              setError(null);
            }
          }}
        />
        {(numeric || spec.unit) && (
          <span id={`${inputId}-unit`} className="attr-unit">
            {spec.unit}
          </span>
        )}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
