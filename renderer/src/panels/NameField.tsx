import { useState } from 'react';

interface NameFieldProps {
  readonly value: string;
  readonly onCommit: (name: string) => void;
}

/**
 * A name being edited: Enter or leaving the field commits, Escape goes back to the saved name. The
 * parent keys it by the saved name, so an undo that changes the name resets the draft.
 */
export function NameField({ value, onCommit }: NameFieldProps) {
  const [draft, setDraft] = useState(value);
  const blank = draft.trim() === '';
  return (
    <>
      <input
        id="inspector-name"
        aria-label="Name"
        aria-invalid={blank}
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => (blank ? setDraft(value) : onCommit(draft))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (blank) setDraft(value);
            else onCommit(draft);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(value);
            e.currentTarget.blur();
          }
        }}
      />
      {blank && <p className="field-error">A name cannot be empty; leaving the field keeps “{value}”.</p>}
    </>
  );
}
